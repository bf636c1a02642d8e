import { evsiAnalysis } from '../../../models/analysis/index.ts';
import type { CliCommand, CommandOptions } from '../cli-command.ts';
import { analysisSettings, loadValidCase, print, requireFile, withAnalysisErrors } from '../command-helpers.ts';
import { renderEvsi } from '../render-evidence.ts';
import { UsageError } from '../usage-error.ts';

/** The sample sizes priced when --n is not given. */
const DEFAULT_SIZES = [10, 30, 100, 300];

/**
 * `valuegate evsi FILE --input NAME`: what a planned measurement of n observations of one
 * input is worth (EVSI), set against its cost, and the best n in the grid.
 *
 * @example
 * await runCli(['evsi', 'case.json', '--input', 'minutesSaved', '--n', '10,30,100', '--sd', '1.2', '--cost-fixed', '2000', '--cost-per-observation', '15']);
 */
export const evsiCommand: CliCommand = {
  name: 'evsi',
  usage: ['FILE --input NAME [--n 10,30,100,300] [--sd S] [--cost-fixed F --cost-per-observation C] [--trials N] [--representativeness F] [--json]'],
  run: runEvsi,
};

async function runEvsi(options: CommandOptions): Promise<void> {
  const file = requireFile(options, 'evsi');
  if (!options.input) throw new UsageError('evsi needs --input NAME: the input a planned measurement observes');
  const { case: bc, model } = loadValidCase(file, options);
  const settings = analysisSettings(options, bc);
  const priced = options.costFixed !== undefined || options.costPerObservation !== undefined;
  const cost = priced ? { fixed: options.costFixed ?? 0, perObservation: options.costPerObservation ?? 0 } : undefined;
  const result = await withAnalysisErrors(() =>
    evsiAnalysis(bc, model, settings, { input: options.input!, sizes: options.sizes ?? DEFAULT_SIZES, sd: options.sd, cost }),
  );
  print(options, result, () => renderEvsi(bc, result));
}
