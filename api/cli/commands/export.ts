import { writeFileSync } from 'node:fs';
import type { CliCommand, CommandOptions } from '../cli-command.ts';
import { loadValidCase } from '../command-helpers.ts';
import { localWorkbook } from '../local-workbook.ts';
import { UsageError } from '../usage-error.ts';

/**
 * `valuegate export FILE --format xlsx --out WORKBOOK.xlsx`: the case workbook offline
 * (Assumptions with named point values, the live Model sheet, and the simulated results
 * of a run with the given --trials/--seed/--sampling). Exit 2 on a usage error, 1 on an
 * invalid case.
 *
 * @example
 * await runCli(['export', 'case.json', '--format', 'xlsx', '--out', 'case.xlsx', '--trials', '2000']);
 */
export const exportCommand: CliCommand = {
  name: 'export',
  usage: ['FILE --format xlsx --out WORKBOOK.xlsx [--trials N] [--seed S] [--sampling mc|lhs] [--representativeness F]'],
  summary: 'the case as a live Excel workbook',
  run: runExport,
};

async function runExport(options: CommandOptions): Promise<void> {
  const [file, ...extra] = options.positionals.slice(1);
  if (!file) throw new UsageError('export needs a case FILE');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (options.format === undefined) throw new UsageError('export needs --format xlsx');
  if (options.format !== 'xlsx') throw new UsageError(`--format must be "xlsx", got "${options.format}"`);
  if (!options.out) throw new UsageError('export needs --out WORKBOOK.xlsx');
  const validated = loadValidCase(file, options);
  const bytes = await localWorkbook(
    validated,
    { trials: options.trials, seed: options.seed, sampling: options.sampling, representativenessFactors: options.representativenessFactors },
    new Date(),
  );
  writeFileSync(options.out, bytes);
  if (!options.json) options.io.stderr.write(`wrote ${options.out} (${bytes.byteLength.toLocaleString('en')} bytes)\n`);
}
