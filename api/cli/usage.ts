import type { CliCommand } from './cli-command.ts';

/** The column where a command's one-line summary starts. */
const SUMMARY_COLUMN = 40;

const OPTIONS_TEXT = `Options:
  --trials N        number of Monte Carlo trials (1 to 10,000,000; default: the case's, else 10,000)
  --seed S          non-negative integer seed (default: the case's, else 1)
  --sampling M      mc (plain Monte Carlo) or lhs (Latin Hypercube, default)
  --threads T       worker threads for large runs (default: up to 2; 1 = run in this thread)
  --precision P     simulate: run 16,384 trials, then double until the 95 % CI of the
                    output's mean is within ±P of it (1% or 0.01); --trials is then the
                    most it may use (default 1,000,000)
  --method M        sensitivity method (default tornado)
  --output O        analysed output: npv (default), roi, payback, discountedPaybackMonth,
                    paybackMonth, irr, pilotRoi, or a custom metric id
  --percentiles L,H tornado percentiles (default 10,90)
  --samples N       Sobol base samples N (model runs N·(k+2); default 16384)
  --variant NAME    compare the case with one of its variants
  --exchange-rate R compare: 1 unit of B's currency = R units of A's (needed when they differ)
  --rules FILE      portfolio-level decision rules (JSON) over the case's own and the defaults
  --governance FILE gate: the organisation's risk tiers ({ "tiers": [...] }) instead of the defaults
  --format F        export: the file format (xlsx)
  --out FILE        export, import-xlsx: the file to write
  --case FILE       import-xlsx: the case file the workbook was exported from
  --input NAME      evsi: the input a planned measurement observes
  --n N1,N2,…       evsi: planned sample sizes (default 10,30,100,300)
  --sd S            evsi: expected sd of one observation (default: the sd of the input's evidence)
  --cost-fixed F    evsi: the measurement's fixed cost (default: the input's samplingCost)
  --cost-per-observation C
                    evsi: its cost per observation (default: the input's samplingCost)
  --representativeness production=P,similar=S,curated=C
                    how much evidence counts: n measurements count as factor × n
                    (each in (0, 1]; any subset; default production=1,similar=0.5,curated=0.25)
  --concurrency N   worker: threads and queue consumers of this worker (default: the cores)
  --all             regate: every active case whose version, engine or rules changed
  --json            print machine-readable JSON instead of tables
  -h, --help        show this help

Exit codes: 0 ok, 1 invalid case file, 2 bad command line.`;

/**
 * The CLI's help text; its command list comes from the command table, one synopsis line
 * per `usage` entry, in table order.
 *
 * @example
 * usageText([{ name: 'schema', usage: [''], summary: 'print the case-file JSON Schema', run: () => {} }])
 */
export function usageText(commands: readonly CliCommand[]): string {
  const lines = commands.flatMap((command) =>
    command.usage.map((synopsis) => {
      const line = `  valuegate ${command.name}${synopsis ? ` ${synopsis}` : ''}`;
      return command.summary ? line.padEnd(Math.max(SUMMARY_COLUMN, line.length + 2)) + command.summary : line;
    }),
  );
  return `valuegate — AI pilot to production business case\n\nUsage:\n${lines.join('\n')}\n\n${OPTIONS_TEXT}`;
}
