import type { CompareMoney } from '../../models/analysis/compare-cases.ts';
import type { PrecisionTarget } from '../../models/engine/precision-target.ts';
import type { SamplingMethod } from '../../models/engine/simulation-env.ts';

/** Settings that make a run reproducible. */
export interface RunSettings {
  /** The trials to run; with `precision`, the most the run may use. */
  trials: number;
  seed: number;
  sampling: SamplingMethod;
  /** Let the run's size double from 16,384 until the output's mean is this precise. */
  precision?: PrecisionTarget;
}

/** Work a job worker can do. Case documents travel as JSON; workers compile them. */
export type JobRequest =
  | { type: 'simulate'; document: unknown; settings: RunSettings }
  | { type: 'analysis'; document: unknown; settings: RunSettings; kind: AnalysisKind; params: AnalysisParams; today: string }
  | { type: 'compare'; a: unknown; b: unknown; settings: RunSettings; output: string; money?: CompareMoney }
  | { type: 'trials'; document: unknown; settings: RunSettings }
  | { type: 'portfolio'; documents: unknown[]; trials: number; seed: number };

export const ANALYSIS_KINDS = ['tornado', 'spider', 'rank', 'sobol', 'breakeven', 'voi', 'gate'] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

export interface AnalysisParams {
  output?: string;
  lowPercentile?: number;
  highPercentile?: number;
  baseSamples?: number;
  rules?: Record<string, unknown>;
}

/** Messages from a worker. */
export type JobMessage =
  | { jobId: number; type: 'progress'; done: number; total: number }
  | { jobId: number; type: 'result'; result: unknown }
  | { jobId: number; type: 'error'; name: string; message: string; field?: string; hint?: string; issues?: unknown };
