import type { BusinessCase } from '../case/case-schema.ts';
import type { SimulationEnv } from '../engine/simulation-env.ts';
import { evidenceComparison, type EvidenceComparisonRow } from '../evidence/evidence-comparison.ts';
import { withoutEvidence } from '../evidence/without-evidence.ts';
import { compileCase } from '../formula/compile-case.ts';
import type { Recommendation } from '../gate/recommendation.ts';
import { gateAndVoi, type GateAnalysisOptions } from './gate-analysis.ts';
import type { VoiResult } from './value-of-information.ts';

/** An input's EVPPI (bias-corrected) with its standard error; 0 with s.e. 0 when it no longer varies. */
export interface EvppiFigure {
  value: number;
  standardError: number;
}

/** One input with evidence: prior and updated distribution, and its EVPPI before and after. */
export interface EvidenceAnalysisRow extends EvidenceComparisonRow {
  evppiBefore: EvppiFigure;
  evppiAfter: EvppiFigure;
}

/** The gate's verdict on one side of the before/after view. */
export interface GateSide {
  recommendation: Recommendation;
  headline: string;
  probabilityPositive: number;
  expectedNpv: number;
  evpi: number;
}

/** What the case's evidence changed. */
export interface EvidenceAnalysis {
  inputs: EvidenceAnalysisRow[];
  /** The case with every input at its stated range (evidence removed). */
  before: GateSide;
  /** The case as it is: inputs with evidence sampled from their updated distributions. */
  after: GateSide;
}

/**
 * The before/after view of a case's evidence: per input with evidence, its prior and
 * updated distribution and its EVPPI, and the gate's recommendation on the priors (every
 * input's evidence removed) and on the case as it is. Both sides run with the same settings;
 * inputs are drawn by name, so inputs without evidence get the same draws on both sides.
 *
 * @example
 * const view = evidenceAnalysis(bc, { trials: 20_000, seed: 42 }, '2026-12-07');
 * view.before.recommendation; view.after.recommendation; view.inputs[0].evppiAfter.value
 */
export function evidenceAnalysis(bc: BusinessCase, settings: Partial<SimulationEnv>, today: string, options: GateAnalysisOptions = {}): EvidenceAnalysis {
  const rows = evidenceComparison(bc.inputs, options.representativenessFactors);
  const priorCase = withoutEvidence(bc);
  const before = gateAndVoi(priorCase, compileCase(priorCase), settings, today, options);
  const after = gateAndVoi(bc, compileCase(bc, options), settings, today, options);
  return {
    inputs: rows.map((row) => ({ ...row, evppiBefore: evppiOf(before.voi, row.input), evppiAfter: evppiOf(after.voi, row.input) })),
    before: side(before),
    after: side(after),
  };
}

function evppiOf(voi: VoiResult, input: string): EvppiFigure {
  const row = voi.ranking.find((entry) => entry.input === input);
  return row ? { value: row.evppi, standardError: row.standardError } : { value: 0, standardError: 0 };
}

function side({ gate, voi }: ReturnType<typeof gateAndVoi>): GateSide {
  const probability = gate.criteria.find((criterion) => criterion.id === 'scaleProbabilityPositive');
  return {
    recommendation: gate.recommendation,
    headline: gate.headline,
    probabilityPositive: probability?.figure ?? Number.NaN,
    expectedNpv: voi.expectedNpv,
    evpi: voi.evpi.value,
  };
}
