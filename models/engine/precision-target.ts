import type { OutputSummary } from './summarize-output.ts';

/** The two-sided 95 % quantile of the standard normal. */
const Z_95 = 1.959963984540054;

/**
 * The first run of a precision-controlled simulation: four chunks. Each later run doubles,
 * so every run's chunks are the one before's plus new ones (a chunk's draws depend only on
 * the seed and its index), and the last run is exactly `--trials N` at its own size.
 */
export const PRECISION_FIRST_TRIALS = 16_384;

/** The most trials a precision-controlled run may use when the caller does not say. */
export const PRECISION_DEFAULT_MAX_TRIALS = 1_000_000;

/** Stop once the 95 % confidence interval of an output's mean is this narrow, relative to the mean. */
export interface PrecisionTarget {
  outputId: string;
  /** Half-width of the 95 % CI of the mean ÷ |mean|, e.g. 0.01 for ±1 %. */
  relativeHalfWidth: number;
}

/** Where a run stands against its precision target. */
export interface PrecisionCheck {
  outputId: string;
  trials: number;
  mean: number;
  /** 1.96 × the Monte Carlo s.e. of the mean (sd/√n: conservative under Latin Hypercube). */
  halfWidth: number;
  /** halfWidth ÷ |mean|; 0 when the output does not vary, ∞ when its mean is 0 but it varies. */
  relativeHalfWidth: number;
  target: number;
  met: boolean;
}

/** A precision-controlled run's check, with the trial counts of every run it made. */
export interface PrecisionReport extends PrecisionCheck {
  runs: number[];
}

/** What precision control reads of a run summary (kept structural so the summary can carry the report). */
export interface SummarizedTrials {
  trials: number;
  outputs: Record<string, OutputSummary>;
}

/**
 * One step of a precision-controlled simulation: checks the run just made (the size
 * `report.trials` of the schedule) and says which size to run next, or null when the
 * target is met or the schedule is spent. Attach `report` to the run's summary.
 *
 * @example
 * let summary;
 * for (let trials = schedule[0]; trials !== null; ) {
 *   const previous = summary?.precision;
 *   summary = run(trials);
 *   const step = precisionStep(summary, target, schedule, previous);
 *   summary.precision = step.report;
 *   trials = step.next;
 * }
 */
export function precisionStep(
  summary: SummarizedTrials,
  target: PrecisionTarget,
  schedule: number[],
  previous?: PrecisionReport,
): { report: PrecisionReport; next: number | null } {
  const output = summary.outputs[target.outputId];
  if (!output) throw new RangeError(`the run summarises no output "${target.outputId}"`);
  const report = { ...precisionCheck(output, target, summary.trials), runs: [...(previous?.runs ?? []), summary.trials] };
  const at = schedule.indexOf(summary.trials);
  return { report, next: report.met || at < 0 || at === schedule.length - 1 ? null : schedule[at + 1] };
}

/**
 * Checks one run's summary of the target output against the target.
 *
 * @example
 * precisionCheck(summary.outputs.npv, { outputId: 'npv', relativeHalfWidth: 0.01 }, 65_536).met
 */
export function precisionCheck(summary: OutputSummary, target: PrecisionTarget, trials: number): PrecisionCheck {
  const halfWidth = Z_95 * summary.standardError;
  let relative: number;
  if (halfWidth === 0) relative = 0;
  else if (!Number.isFinite(halfWidth) || !Number.isFinite(summary.mean) || summary.mean === 0) relative = Infinity;
  else relative = halfWidth / Math.abs(summary.mean);
  return {
    outputId: target.outputId,
    trials,
    mean: summary.mean,
    halfWidth,
    relativeHalfWidth: relative,
    target: target.relativeHalfWidth,
    met: relative <= target.relativeHalfWidth,
  };
}

/**
 * The trial counts a precision-controlled simulation tries, in order: 16,384 doubling,
 * then `maxTrials` itself (never more).
 *
 * @example
 * precisionSchedule(100_000) // [16384, 32768, 65536, 100000]
 */
export function precisionSchedule(maxTrials: number, firstTrials = PRECISION_FIRST_TRIALS): number[] {
  if (!Number.isInteger(maxTrials) || maxTrials < 1) throw new RangeError(`maxTrials must be a positive integer, got ${maxTrials}`);
  const schedule: number[] = [];
  for (let trials = firstTrials; trials < maxTrials; trials *= 2) schedule.push(trials);
  schedule.push(maxTrials);
  return schedule;
}
