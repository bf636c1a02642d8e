import { readFileSync } from 'node:fs';
import type { ActualValueRecord } from '../../../models/contract/actuals-resources.ts';
import { buildActualsReport } from '../../../models/pipeline/actuals-report.ts';
import { captureSeries } from '../../../models/pipeline/capture-series.ts';
import { checkActualRows, parseActualsCsv, type RowProblem } from '../../services/actuals-rows.ts';
import type { CliCommand, CommandOptions } from '../cli-command.ts';
import { analysisSettings, InvalidCase, loadValidCase, print } from '../command-helpers.ts';
import { renderActuals } from '../render-actuals.ts';
import { UsageError } from '../usage-error.ts';

/**
 * `valuegate actuals CASE.json ACTUALS.csv`: simulates the case, scores the actuals against
 * it and prints the forecast updated by them.
 *
 * @example
 * await runCli(['actuals', 'case.json', 'actuals.csv', '--json']);
 */
export const actualsCommand: CliCommand = {
  name: 'actuals',
  usage: ['CASE.json ACTUALS.csv [--trials N] [--seed S] [--representativeness F] [--json]'],
  summary: 'score actuals against the forecast',
  run: runActuals,
};

function problemsText(file: string, problems: RowProblem[]): string {
  return `${file}: nothing scored\n${problems.map((p) => `  ${p.row === 0 ? 'header' : `row ${p.row}, column ${p.column}`}: ${p.message}`).join('\n')}`;
}

async function runActuals(options: CommandOptions): Promise<void> {
  const [, caseFile, csvFile, ...extra] = options.positionals;
  if (!caseFile || !csvFile) throw new UsageError('actuals needs a case file and an actuals CSV: valuegate actuals CASE.json ACTUALS.csv');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const { case: bc, model } = loadValidCase(caseFile, options);
  let text: string;
  try {
    text = readFileSync(csvFile, 'utf8');
  } catch (error) {
    throw new InvalidCase(`${csvFile}: cannot read the actuals (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const parsed = parseActualsCsv(text);
  if (parsed.problems.length) throw new InvalidCase(problemsText(csvFile, parsed.problems));
  const now = new Date();
  // A file analysis, not a record: months after today are scored too (planned or test figures).
  const checked = checkActualRows(bc, parsed.rows, '9999-12-31', 1);
  if (checked.problems.length) throw new InvalidCase(problemsText(csvFile, checked.problems));
  const rows: ActualValueRecord[] = checked.rows.map((r) => ({ ...r, note: r.note ?? null, recordedBy: csvFile, recordedAt: now.toISOString() }));
  const settings = analysisSettings(options, bc);
  const capture = await captureSeries(bc, model, settings);
  const report = buildActualsReport(bc, capture, rows, { runId: 'not stored (simulated by the CLI)', caseVersion: 0 });
  print(options, report, () => renderActuals(bc, report));
}
