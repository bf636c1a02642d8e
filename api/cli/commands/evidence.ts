import { evidenceAnalysis } from '../../../models/analysis/index.ts';
import type { CliCommand, CommandOptions } from '../cli-command.ts';
import { analysisSettings, loadValidCase, print, requireFile } from '../command-helpers.ts';
import { renderEvidence } from '../render-evidence.ts';

/**
 * `valuegate evidence FILE`: each input's stated and updated distribution, its EVPPI and
 * the gate's recommendation before and after the evidence.
 *
 * @example
 * await runCli(['evidence', 'case.json', '--json']);
 */
export const evidenceCommand: CliCommand = {
  name: 'evidence',
  usage: ['FILE [--trials N] [--seed S] [--representativeness F] [--json]'],
  summary: 'what the measurements changed',
  run: runEvidence,
};

async function runEvidence(options: CommandOptions): Promise<void> {
  const file = requireFile(options, 'evidence');
  const { case: bc } = loadValidCase(file, options);
  const settings = analysisSettings(options, bc);
  const today = new Date().toISOString().slice(0, 10);
  if (!Object.values(bc.inputs).some((input) => input.evidence)) {
    print(options, { inputs: [], before: null, after: null }, () => `${bc.name}: no input has evidence (inputs.NAME.evidence); nothing changed.`);
    return;
  }
  const result = evidenceAnalysis(bc, settings, today, { representativenessFactors: settings.representativenessFactors });
  print(options, result, () => renderEvidence(bc, result, settings.trials));
}
