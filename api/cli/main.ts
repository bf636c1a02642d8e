import { z } from 'zod';
import { caseSchema } from '../../models/case/case-schema.ts';
import { formatCaseIssue } from '../../models/case/case-error.ts';
import { validateCase } from '../../models/case/parse-case.ts';
import { pointEstimate } from '../../models/engine/point-estimate.ts';
import { summarizeRun } from '../../models/engine/summarize-run.ts';
import { SimulationPool } from '../workers/simulation-pool.ts';
import { parseOptions, type CliOptions } from './parse-options.ts';
import { progressBar } from './progress-bar.ts';
import { CaseFileSyntaxError, readCaseFile } from './read-case-file.ts';
import { renderSimulation } from './render-simulation.ts';
import { USAGE } from './usage.ts';
import { EXIT, UsageError } from './usage-error.ts';

/** Thrown for an invalid case file; printed without a stack trace, exit code 1. */
class InvalidCase extends Error {}

type Command = (options: CliOptions) => Promise<void> | void;

const COMMANDS: Record<string, Command> = {
  simulate: simulateCommand,
  validate: validateCommand,
  schema: schemaCommand,
};

function requireFile(options: CliOptions, command: string): string {
  const [file, ...extra] = options.positionals.slice(1);
  if (!file) throw new UsageError(`${command} needs a case FILE`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  return file;
}

function loadValidCase(file: string) {
  const result = validateCase(readCaseFile(file));
  if (!result.ok) throw new InvalidCase(`${file}: invalid case\n${result.issues.map((issue) => `  ${formatCaseIssue(issue)}`).join('\n')}`);
  return result;
}

async function simulateCommand(options: CliOptions): Promise<void> {
  const file = requireFile(options, 'simulate');
  const { case: bc, model, warnings } = loadValidCase(file);
  const settings = {
    trials: options.trials ?? bc.simulation?.trials,
    seed: options.seed ?? bc.simulation?.seed,
    sampling: options.sampling ?? bc.simulation?.sampling,
  };
  const pool = new SimulationPool(options.threads ? { threads: options.threads } : {});
  try {
    const total = settings.trials ?? 10_000;
    const progress = progressBar(total);
    const started = performance.now();
    const result = await pool.run(model, settings, { onProgress: progress });
    progress.done();
    const summary = summarizeRun(model, result);
    const point = pointEstimate(bc);
    const elapsedMs = performance.now() - started;
    if (options.json) {
      process.stdout.write(JSON.stringify({ case: bc.name, currency: bc.currency, summary, pointEstimate: point, warnings, elapsedMs }, jsonReplacer, 2) + '\n');
    } else {
      for (const warning of warnings) process.stderr.write(`warning: ${formatCaseIssue(warning)}\n`);
      process.stdout.write(renderSimulation(bc, summary, point) + '\n');
      process.stderr.write(`(${(elapsedMs / 1000).toFixed(2)} s)\n`);
    }
  } finally {
    await pool.close();
  }
}

/** JSON has no Infinity or NaN: write them as strings a reader can tell apart. */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? null : value > 0 ? 'Infinity' : '-Infinity';
  return value;
}

function validateCommand(options: CliOptions): void {
  const file = requireFile(options, 'validate');
  const result = validateCase(readCaseFile(file));
  if (options.json) {
    process.stdout.write(JSON.stringify(result.ok ? { valid: true, warnings: result.warnings } : { valid: false, issues: result.issues }, null, 2) + '\n');
    if (!result.ok) process.exitCode = EXIT.invalidCase;
    return;
  }
  if (!result.ok) throw new InvalidCase(`${file}: invalid case\n${result.issues.map((issue) => `  ${formatCaseIssue(issue)}`).join('\n')}`);
  const inputs = Object.values(result.case.inputs);
  const uncertain = inputs.filter((input) => input.distribution.type !== 'fixed').length;
  process.stdout.write(
    `${file}: valid (format v1) — "${result.case.name}", ${inputs.length} inputs (${uncertain} uncertain), ` +
      `${result.case.benefits.length} benefit lines, ${result.case.costs.length} cost lines, ${result.case.horizonMonths} months\n`,
  );
  for (const warning of result.warnings) process.stdout.write(`warning: ${formatCaseIssue(warning)}\n`);
}

function schemaCommand(options: CliOptions): void {
  if (options.positionals.length > 1) throw new UsageError(`unexpected argument "${options.positionals[1]}"`);
  process.stdout.write(JSON.stringify(caseJsonSchema(), null, 2) + '\n');
}

/** The case format as JSON Schema (draft 2020-12), for editors. */
export function caseJsonSchema(): object {
  return {
    ...z.toJSONSchema(caseSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'valuegate business case (format v1)',
  };
}

/**
 * Runs the CLI and returns the exit code.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2));
 */
export async function runCli(argv: string[]): Promise<number> {
  try {
    const options = parseOptions(argv);
    const name = options.positionals[0];
    if (options.help || name === 'help' || (!name && argv.length === 0)) {
      process.stdout.write(USAGE + '\n');
      return argv.length === 0 ? EXIT.usage : EXIT.ok;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}"`);
    await command(options);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`valuegate: ${error.message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    if (error instanceof InvalidCase || error instanceof CaseFileSyntaxError) {
      process.stderr.write(`${error.message}\n`);
      return EXIT.invalidCase;
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runCli(process.argv.slice(2));
}
