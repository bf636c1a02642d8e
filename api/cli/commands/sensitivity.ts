import { breakEvenAnalysis, sampleSensitivity, sobolAnalysis, spiderAnalysis, tornadoAnalysis } from '../../../models/analysis/index.ts';
import { simulate } from '../../../models/engine/simulate.ts';
import type { CliCommand, CommandOptions } from '../cli-command.ts';
import { analysisSettings, loadValidCase, print, requireFile, withAnalysisErrors } from '../command-helpers.ts';
import { renderBreakEven, renderSampleSensitivity, renderSobol, renderSpider, renderTornado } from '../render-analyses.ts';
import { UsageError } from '../usage-error.ts';

const SENSITIVITY_METHODS = ['tornado', 'spider', 'rank', 'sobol', 'breakeven'] as const;

/**
 * `valuegate sensitivity FILE`: tornado (default), spider, rank correlation, Sobol indices or break-even.
 *
 * @example
 * await runCli(['sensitivity', 'case.json', '--method', 'sobol']);
 */
export const sensitivityCommand: CliCommand = {
  name: 'sensitivity',
  usage: [`FILE [--method ${SENSITIVITY_METHODS.join('|')}] [--output npv] [--representativeness F] [--json]`],
  run: runSensitivity,
};

async function runSensitivity(options: CommandOptions): Promise<void> {
  const file = requireFile(options, 'sensitivity');
  const method = options.method ?? 'tornado';
  if (!(SENSITIVITY_METHODS as readonly string[]).includes(method)) {
    throw new UsageError(`--method must be one of ${SENSITIVITY_METHODS.join(', ')}, got "${method}"`);
  }
  const { case: bc, model } = loadValidCase(file, options);
  const settings = analysisSettings(options, bc);
  const output = options.output ?? 'npv';
  await withAnalysisErrors(() => {
    switch (method) {
      case 'tornado': {
        const result = tornadoAnalysis(model, { output, lowPercentile: options.percentiles?.[0], highPercentile: options.percentiles?.[1] });
        return print(options, result, () => renderTornado(bc, result));
      }
      case 'spider': {
        const result = spiderAnalysis(model, { output });
        return print(options, result, () => renderSpider(bc, result));
      }
      case 'rank': {
        const run = simulate(model, { ...settings, keepInputs: true, fanTrials: 0 });
        const result = sampleSensitivity(model, run, output);
        return print(options, result, () => renderSampleSensitivity(bc, result));
      }
      case 'sobol': {
        const result = sobolAnalysis(model, { output, seed: settings.seed, baseSamples: options.samples });
        return print(options, result, () => renderSobol(bc, result));
      }
      case 'breakeven': {
        if (output !== 'npv') throw new UsageError('--method breakeven finds where mean NPV crosses zero; it takes no --output');
        const result = breakEvenAnalysis(model, { seed: settings.seed });
        return print(options, result, () => renderBreakEven(bc, result));
      }
    }
  });
}
