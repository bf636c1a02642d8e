import { measurementCosts, valueOfInformation } from '../../../models/analysis/index.ts';
import { simulate } from '../../../models/engine/simulate.ts';
import type { CliCommand, CommandOptions } from '../cli-command.ts';
import { analysisSettings, loadValidCase, print, requireFile } from '../command-helpers.ts';
import { renderVoi } from '../render-analyses.ts';

/**
 * `valuegate voi FILE`: the expected value of perfect information, overall and per input.
 *
 * @example
 * await runCli(['voi', 'case.json', '--trials', '20000']);
 */
export const voiCommand: CliCommand = {
  name: 'voi',
  usage: ['FILE [--trials N] [--representativeness F] [--json]'],
  run: runVoi,
};

async function runVoi(options: CommandOptions): Promise<void> {
  const file = requireFile(options, 'voi');
  const { case: bc, model } = loadValidCase(file, options);
  const settings = analysisSettings(options, bc);
  const run = simulate(model, { ...settings, keepInputs: true, fanTrials: 0 });
  const result = valueOfInformation(model, measurementCosts(bc), run);
  print(options, result, () => renderVoi(bc, result));
}
