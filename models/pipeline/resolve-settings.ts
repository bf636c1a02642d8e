import type { SamplingMethod } from '../engine/simulation-env.ts';
import { DEFAULT_SIMULATION_ENV, MAX_TRIALS } from '../engine/simulation-env.ts';
import { PRECISION_DEFAULT_MAX_TRIALS } from '../engine/precision-target.ts';
import { resolveFactors, type RepresentativenessFactors } from '../evidence/representativeness-factors.ts';

/** What a caller asks of a run; anything left out comes from the case, then the defaults. */
export interface RunRequest {
  trials?: number;
  seed?: number;
  sampling?: SamplingMethod;
  /** Precision control: double from 16,384 trials until the output's mean is this precise (`trials` caps it). */
  precision?: { relativeHalfWidth: number; output?: string };
  /** How much evidence of each representativeness counts (the portfolio's; default 1, ½, ¼). */
  representativenessFactors?: Partial<RepresentativenessFactors>;
}

/** The settings a run uses, each resolved once: request over case over defaults. */
export interface ResolvedSettings {
  trials: number;
  seed: number;
  sampling: SamplingMethod;
  precision?: { relativeHalfWidth: number; output: string };
  /** The effective-sample-size factors the run's evidence was weighed with: recorded, so a stored run replays with them. */
  representativenessFactors: RepresentativenessFactors;
}

/** The part of a case that carries its own simulation settings. */
export interface CaseWithSettings {
  simulation?: { trials?: number; seed?: number; sampling?: SamplingMethod };
}

/**
 * Resolves a run's settings in the one order every entry point uses: the request's
 * value, else the case's own `simulation` setting, else the engine default (10,000
 * trials, seed 1, Latin Hypercube); the representativeness factors are the request's
 * (the portfolio's) over the defaults. A precision-controlled run without `trials` may use
 * up to 1,000,000 trials (or `maxTrials`, when the service caps runs lower).
 *
 * @example
 * resolveSettings({ simulation: { seed: 42 } }, { trials: 5000 })
 * // { trials: 5000, seed: 42, sampling: 'lhs', representativenessFactors: { production: 1, similar: 0.5, curated: 0.25 } }
 */
export function resolveSettings(bc: CaseWithSettings, request: RunRequest = {}, maxTrials: number = MAX_TRIALS): ResolvedSettings {
  const own = bc.simulation ?? {};
  const precision = request.precision ? { relativeHalfWidth: request.precision.relativeHalfWidth, output: request.precision.output ?? 'npv' } : undefined;
  const trials = request.trials ?? (precision ? Math.min(PRECISION_DEFAULT_MAX_TRIALS, maxTrials) : (own.trials ?? DEFAULT_SIMULATION_ENV.trials));
  return {
    trials,
    seed: request.seed ?? own.seed ?? DEFAULT_SIMULATION_ENV.seed,
    sampling: request.sampling ?? own.sampling ?? DEFAULT_SIMULATION_ENV.sampling,
    ...(precision ? { precision } : {}),
    representativenessFactors: resolveFactors(request.representativenessFactors),
  };
}
