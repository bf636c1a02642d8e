import type { Evidence } from '../case/evidence-schema.ts';
import { createDistribution } from '../distributions/create-distribution.ts';
import type { DistributionSpec } from '../distributions/spec.ts';
import { REPRESENTATIVENESS_FACTORS, type RepresentativenessFactors } from './representativeness-factors.ts';
import { updateInput, type InputUpdate, type InputWithEvidence } from './update-input.ts';

/** One distribution as the before/after view shows it. */
export interface DistributionView {
  spec: DistributionSpec;
  /** The conjugate parameters (normal: mean, sd; lognormal: mu, sigma of ln x; beta: alpha, beta). */
  parameters: Record<string, number>;
  mean: number;
  sd: number;
  p5: number;
  p50: number;
  p95: number;
}

/** One input with evidence: its stated (prior) and updated distribution side by side. */
export interface EvidenceComparisonRow extends Omit<InputUpdate, 'prior' | 'posterior' | 'priorParameters' | 'posteriorParameters'> {
  label: string;
  unit: string;
  takenOn: string;
  takenBy: string;
  note: string | null;
  kind: 'observations' | 'summary' | 'proportion';
  prior: DistributionView;
  updated: DistributionView;
}

/**
 * Per input with evidence, the prior (its stated range) and the updated distribution
 * the simulation samples: parameters, mean, sd, p5, p50 and p95. Inputs without evidence
 * are left out; bad evidence throws `EvidenceError`.
 *
 * @example
 * evidenceComparison(bc.inputs)[0].updated.p50 // the updated median of the first input with evidence
 */
export function evidenceComparison(
  inputs: Record<string, InputWithEvidence & { label?: string; unit?: string }>,
  factors: RepresentativenessFactors = REPRESENTATIVENESS_FACTORS,
): EvidenceComparisonRow[] {
  const rows: EvidenceComparisonRow[] = [];
  for (const [name, input] of Object.entries(inputs)) {
    const update = updateInput(name, input, factors);
    if (!update || !input.evidence) continue;
    const { prior, posterior, priorParameters, posteriorParameters, ...rest } = update;
    rows.push({
      ...rest,
      label: input.label ?? name,
      unit: input.unit ?? '',
      takenOn: input.evidence.takenOn,
      takenBy: input.evidence.takenBy,
      note: input.evidence.note ?? null,
      kind: evidenceKind(input.evidence),
      prior: view(prior, priorParameters),
      updated: view(posterior, posteriorParameters),
    });
  }
  return rows;
}

function evidenceKind(evidence: Evidence): EvidenceComparisonRow['kind'] {
  return evidence.observations ? 'observations' : evidence.summary ? 'summary' : 'proportion';
}

function view(spec: DistributionSpec, parameters: Record<string, number>): DistributionView {
  const distribution = createDistribution(spec);
  return {
    spec,
    parameters,
    mean: distribution.mean(),
    sd: Math.sqrt(distribution.variance()),
    p5: distribution.inv(0.05),
    p50: distribution.inv(0.5),
    p95: distribution.inv(0.95),
  };
}
