import type { AnalysisPart } from '../../models/analysis/analysis-parts.ts';
import type { CompareMoney } from '../../models/analysis/compare-cases.ts';
import type { RepresentativenessFactors } from '../../models/evidence/representativeness-factors.ts';
import type { RiskTier } from '../../models/governance/risk-tiers.ts';
import type { ResolvedSettings } from '../../models/pipeline/index.ts';

/**
 * Settings that make a run reproducible, resolved once by the pipeline's `resolveSettings`.
 * `trials` is, with `precision`, the most the run may use: its size doubles from 16,384
 * until the output's mean is that precise. `representativenessFactors` are the portfolio's
 * when the run was made: a stored run replays with them, whatever the portfolio says later.
 */
export type RunSettings = ResolvedSettings;

/** Work a job worker can do. Case documents travel as JSON; workers compile them. */
export type JobRequest =
  | { type: 'simulate'; document: unknown; settings: RunSettings }
  | {
      type: 'analysis';
      document: unknown;
      settings: RunSettings;
      kind: AnalysisKind;
      params: AnalysisParams;
      today: string;
      /** The organisation's risk tiers, for the gate (issue 18); the defaults when left out. */
      tiers?: RiskTier[];
    }
  | { type: 'compare'; a: unknown; b: unknown; settings: RunSettings; output: string; money?: CompareMoney }
  | { type: 'trials'; document: unknown; settings: RunSettings }
  | { type: 'portfolio'; documents: unknown[]; trials: number; seed: number; representativenessFactors: RepresentativenessFactors }
  | { type: 'evidence'; document: unknown; settings: RunSettings; today: string }
  | { type: 'evsi'; document: unknown; settings: RunSettings; plan: EvsiPlan }
  | { type: 'shard'; document: unknown; env: ShardEnv; firstChunk: number; lastChunk: number; representativenessFactors?: RepresentativenessFactors }
  /**
   * A queued analysis split across workers (api/queue/analysis-shards.ts): a stage's units priced, one range of them,
   * the stage's combine (`{ value, last }`). Stage 1 (Sobol's bootstrap) is given stage 0's combined `previous`.
   */
  | { type: 'analysisPlan'; request: JobRequest; stage: number; previous?: AnalysisPart }
  | { type: 'analysisPart'; request: JobRequest; stage: number; previous?: AnalysisPart; first: number; last: number }
  | { type: 'analysisCombine'; request: JobRequest; stage: number; previous?: AnalysisPart; parts: AnalysisPart[] };

/** What a shard of a queued run needs of the run's settings (api/queue): one precision step's size, seed and sampling. */
export interface ShardEnv {
  trials: number;
  seed: number;
  sampling: 'mc' | 'lhs';
}

/** A planned measurement of one input to price (see models/analysis/evsi-analysis.ts). */
export interface EvsiPlan {
  input: string;
  sizes: number[];
  sd?: number;
  cost?: { fixed: number; perObservation: number };
}

export const ANALYSIS_KINDS = ['tornado', 'spider', 'rank', 'sobol', 'breakeven', 'voi', 'gate'] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

export interface AnalysisParams {
  output?: string;
  lowPercentile?: number;
  highPercentile?: number;
  baseSamples?: number;
  rules?: Record<string, unknown>;
}
