/** The CLI's help text. */
export const USAGE = `valuegate — AI pilot to production business case

Usage:
  valuegate simulate FILE [--trials N] [--seed S] [--sampling mc|lhs] [--json]
  valuegate validate FILE [--json]
  valuegate schema                      print the case-file JSON Schema

Options:
  --trials N        number of Monte Carlo trials (1 to 10,000,000; default: the case's, else 10,000)
  --seed S          non-negative integer seed (default: the case's, else 1)
  --sampling M      mc (plain Monte Carlo) or lhs (Latin Hypercube, default)
  --threads T       worker threads for large runs (default: up to 2; 1 = run in this thread)
  --json            print machine-readable JSON instead of tables
  -h, --help        show this help

Exit codes: 0 ok, 1 invalid case file, 2 bad command line.`;
