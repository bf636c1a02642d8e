import { basename } from 'node:path';
import { estimatorCalibration } from '../../../models/calibration/estimator-calibration.ts';
import { type ResolvedRange, resolvedRanges } from '../../../models/calibration/resolved-ranges.ts';
import type { CliCommand, CommandOptions } from '../cli-command.ts';
import { loadValidCase, print } from '../command-helpers.ts';
import { textTable } from '../text-table.ts';
import { UsageError } from '../usage-error.ts';

const pct = (share: number): string => `${Math.round(share * 100)} %`;
const SCORE = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });

/**
 * `valuegate calibration FILE…`: per estimator across the case files, the resolved 90 %
 * ranges, hit rate with its Wilson 95 % interval, mean interval score and widening factor.
 * Case files carry no actuals, so ranges resolve by their evidence only (the API also reads actuals).
 *
 * @example
 * await runCli(['calibration', 'a.json', 'b.json', '--json']);
 */
export const calibrationCommand: CliCommand = {
  name: 'calibration',
  usage: ['FILE... [--representativeness F] [--json]'],
  summary: "how each estimator's 90 % ranges held up",
  run: runCalibration,
};

async function runCalibration(options: CommandOptions): Promise<void> {
  const files = options.positionals.slice(1);
  if (files.length === 0) throw new UsageError('calibration needs at least one case FILE');
  const ranges: ResolvedRange[] = [];
  for (const file of files) {
    const { case: bc } = loadValidCase(file, options);
    ranges.push(...resolvedRanges({ id: basename(file), name: bc.name }, bc, {}, options.representativenessFactors));
  }
  const estimators = estimatorCalibration(ranges);
  print(options, { target: 0.9, estimators }, () => {
    if (estimators.length === 0) return 'No resolved ranges: give inputs an estimate (by, on) and evidence tight enough to resolve them.';
    const rows = estimators.map((e) => [
      e.estimator,
      String(e.n),
      `${pct(e.hitRate)} (${e.hits} of ${e.n})`,
      `${pct(e.hitRateInterval.lower)} to ${pct(e.hitRateInterval.upper)}`,
      SCORE.format(e.meanIntervalScore),
      `×${e.wideningFactor.toFixed(2)}`,
    ]);
    const table = textTable(['Estimator', 'Resolved', 'Hit rate (target 90 %)', '95 % interval (Wilson)', 'Mean interval score', 'Widening factor'], rows);
    return `${table}\nRanges resolve by evidence whose posterior 90 % interval is under ¼ of the range (case files carry no actuals).`;
  });
}
