import { formatCaseIssue } from '../../../models/case/case-error.ts';
import { nonFiniteAsString } from '../../../models/engine/json-numbers.ts';
import { runCase } from '../../../models/pipeline/index.ts';
import { DEFAULT_COST_LIMITS } from '../../jobs/job-cost.ts';
import { WorkerPool } from '../../workers/worker-pool.ts';
import type { CliCommand, CommandOptions } from '../cli-command.ts';
import { loadValidCase, requireFile, withAnalysisErrors } from '../command-helpers.ts';
import { formatters } from '../formatters.ts';
import { progressBar } from '../progress-bar.ts';
import { renderSimulation } from '../render-simulation.ts';
import { UsageError } from '../usage-error.ts';

/**
 * `valuegate simulate FILE`: runs the case in the worker pool (with precision control when
 * asked) and prints the summary and the exact point estimate.
 *
 * @example
 * await runCli(['simulate', 'case.json', '--trials', '10000']);
 */
export const simulateCommand: CliCommand = {
  name: 'simulate',
  usage: ['FILE [--trials N] [--seed S] [--sampling mc|lhs] [--precision P [--output O]] [--representativeness F] [--json]'],
  run: runSimulate,
};

async function runSimulate(options: CommandOptions): Promise<void> {
  const file = requireFile(options, 'simulate');
  const validated = loadValidCase(file, options);
  const f = formatters(validated.case.currency, validated.case.locale);
  if (options.output !== undefined && options.precision === undefined) throw new UsageError('simulate takes --output only with --precision');
  const request = {
    trials: options.trials,
    seed: options.seed,
    sampling: options.sampling,
    representativenessFactors: options.representativenessFactors,
    ...(options.precision === undefined ? {} : { precision: { relativeHalfWidth: options.precision, output: options.output } }),
  };
  // The same pool as the server's, used for split runs: threads start only if the run is large enough, without warm-up.
  const pool = new WorkerPool({
    ...(options.threads ? { workers: options.threads } : {}),
    lazy: true,
    warmUp: false,
    limits: { global: 1, perToken: 1 },
    costs: DEFAULT_COST_LIMITS,
  });
  let bar: ReturnType<typeof progressBar> | undefined;
  let barTotal = 0;
  const onProgress = (done: number, total: number): void => {
    if (total !== barTotal) {
      bar?.done();
      bar = progressBar(total, options.io.stderr as NodeJS.WriteStream);
      barTotal = total;
    }
    bar!(done, total);
  };
  try {
    const started = performance.now();
    const run = await withAnalysisErrors(() =>
      runCase(validated.case, request, pool.host(), {
        validate: () => validated,
        onProgress,
        onPrecisionStep: (report, next) => {
          bar?.done();
          barTotal = 0;
          if (options.json) return;
          options.io.stderr.write(
            `precision: mean ${report.outputId} ±${f.fixed(report.relativeHalfWidth * 100, 2)} % at ${f.count(report.trials)} trials, ` +
              `target ±${f.number(report.target * 100)} %; doubling to ${f.count(next)}\n`,
          );
        },
      }),
    );
    bar?.done();
    const { case: bc, summary, warnings } = run;
    const point = run.pointEstimate!;
    const elapsedMs = performance.now() - started;
    if (options.json) {
      options.io.stdout.write(
        JSON.stringify({ case: bc.name, currency: bc.currency, summary, pointEstimate: point, warnings, elapsedMs }, nonFiniteAsString, 2) + '\n',
      );
    } else {
      for (const warning of warnings) options.io.stderr.write(`warning: ${formatCaseIssue(warning)}\n`);
      options.io.stdout.write(renderSimulation(bc, summary, point) + '\n');
      options.io.stderr.write(`(${(elapsedMs / 1000).toFixed(2)} s)\n`);
    }
  } finally {
    await pool.close();
  }
}
