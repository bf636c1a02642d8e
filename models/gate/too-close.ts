import { MAX_TRIALS } from '../engine/simulation-env.ts';
import * as dm from '../math/deterministic-math.ts';

/** What `tooCloseToCall` needs to know about one figure. */
export interface TooCloseOptions {
  figure: number;
  threshold: number;
  /** Monte Carlo standard error of the figure. */
  standardError: number;
  /** How many standard errors count as too close. */
  z: number;
  /** Trials the figure came from. */
  trials: number;
  /** Names the figure in the note, e.g. 'P(NPV > 0) = 79%'. */
  describe: string;
  /** Locale for trial counts in the note (default en-GB). */
  locale?: string;
}

/** Whether a Monte Carlo figure is too close to its threshold to call. */
export interface TooCloseCall {
  tooClose: boolean;
  /**
   * Trials that would probably put the figure z standard errors clear of the threshold,
   * assuming the error shrinks as 1/√n; null when not too close or when no trial count
   * can settle it (the figure sits on the threshold).
   */
  suggestedTrials: number | null;
  /** Why the call is too close and what would settle it; absent when it is not. */
  note?: string;
}

/**
 * Rounds up to two significant digits, so suggested trial counts read as 40,000 or
 * 130,000 rather than 38,917. Values within 1e-9 (relative) of a round number stay on it,
 * so floating-point noise does not push 40,000.0000001 to 41,000.
 *
 * @example
 * niceTrialCount(38_917) // 39_000
 * niceTrialCount(40_000.000001) // 40_000
 */
export function niceTrialCount(trials: number): number {
  if (!(trials > 0)) return 0;
  const step = 10 ** Math.max(0, Math.floor(dm.log10(trials)) - 1);
  return Math.ceil((trials / step) * (1 - 1e-9)) * step;
}

/**
 * The "too close to call at this sample size" rule: a figure within z standard errors
 * of its threshold could fall on either side with more trials. The trial count that
 * would settle it is n' ≈ n·(z·SE / |figure − threshold|)², rounded up to a nice number
 * and capped at the engine's 10,000,000. `describe` names the figure in the note.
 *
 * @example
 * tooCloseToCall({ figure: 0.79, threshold: 0.8, standardError: 0.01, z: 2, trials: 10_000, describe: 'P(NPV > 0)' })
 * // { tooClose: true, suggestedTrials: 40_000, note: 'P(NPV > 0) is within 2 standard errors of its threshold: …' }
 */
export function tooCloseToCall(options: TooCloseOptions): TooCloseCall {
  const { figure, threshold, standardError, z, trials, describe } = options;
  const count = new Intl.NumberFormat(options.locale ?? 'en-GB', { maximumFractionDigits: 0 });
  const distance = Math.abs(figure - threshold);
  // NaN anywhere (no defined trials, unknown SE) never counts as too close.
  if (!(distance < z * standardError)) return { tooClose: false, suggestedTrials: null };
  const lead = `${describe} is within ${z} standard errors of its threshold: too close to call at ${count.format(trials)} trials`;
  if (distance === 0) {
    return { tooClose: true, suggestedTrials: null, note: `${lead}; it sits exactly on the threshold, so more trials alone cannot settle the call` };
  }
  const needed = niceTrialCount(trials * ((z * standardError) / distance) ** 2);
  if (needed > MAX_TRIALS) {
    return {
      tooClose: true,
      suggestedTrials: MAX_TRIALS,
      note: `${lead}; even ${count.format(MAX_TRIALS)} trials may not settle it, so treat it as a tie and decide on the other criteria`,
    };
  }
  return { tooClose: true, suggestedTrials: needed, note: `${lead}; about ${count.format(needed)} trials would settle it` };
}
