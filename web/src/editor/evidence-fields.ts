import type { Evidence } from '../../../models/case/evidence-schema.ts';
import { REPRESENTATIVENESS_FACTORS, type RepresentativenessFactors } from '../../../models/evidence/representativeness-factors.ts';

/** The three kinds of evidence, as the form offers them. */
export type EvidenceKind = 'observations' | 'summary' | 'proportion';

export const EVIDENCE_KINDS: readonly { value: EvidenceKind; label: string }[] = [
  { value: 'summary', label: 'Summary: n, mean and sd of a sample' },
  { value: 'observations', label: 'Observations: a list, pasted or from a one-column CSV' },
  { value: 'proportion', label: 'Proportion: successes of trials' },
];

const factor = (value: number): string => (value === 1 ? '×1' : value === 0.5 ? '×½' : value === 0.25 ? '×¼' : `×${value}`);

/**
 * Representativeness options with the factor each applies to the sample size (the portfolio's).
 *
 * @example
 * representativenessOptions(REPRESENTATIVENESS_FACTORS)[2].label // 'Curated: … (counts ×¼)'
 */
export function representativenessOptions(factors: RepresentativenessFactors = REPRESENTATIVENESS_FACTORS) {
  return [
    { value: 'production', label: `Production: taken under production conditions (counts ${factor(factors.production)})` },
    { value: 'similar', label: `Similar: a comparable setting, not this one (counts ${factor(factors.similar)})` },
    { value: 'curated', label: `Curated: cleaned, selected or hand-held, as pilots often are (counts ${factor(factors.curated)})` },
  ] as const;
}

/**
 * One line on what the representativeness does to the sample, with the portfolio's factor:
 * "60 curated observations count as 15".
 *
 * @example
 * representativenessLine('curated', 60) // 'The sample counts as a quarter of its size (the portfolio's factor 0.25): … 60 observations count as 15.'
 */
export function representativenessLine(
  representativeness: string | undefined,
  n: number | undefined,
  factors: RepresentativenessFactors = REPRESENTATIVENESS_FACTORS,
): string {
  const key = (representativeness ?? 'production') as keyof RepresentativenessFactors;
  const value = factors[key] ?? 1;
  const share = value === 1 ? 'in full' : value === 0.5 ? 'as half its size' : value === 0.25 ? 'as a quarter of its size' : `as ${value} of its size`;
  const counted = n && n > 0 ? ` ${n} observations count as ${Number((n * value).toFixed(2))}.` : '';
  return `The sample counts ${share} (the portfolio's factor ${value} for ${key} evidence): less representative evidence moves the range less.${counted}`;
}

/** Which kind an evidence object is (a new one is a summary). */
export function kindOf(evidence: Partial<Evidence> | undefined): EvidenceKind {
  if (evidence?.observations) return 'observations';
  if (evidence?.proportion) return 'proportion';
  return 'summary';
}

/** The sample size the evidence gives, for the representativeness line. */
export function sampleSize(evidence: Partial<Evidence> | undefined): number | undefined {
  if (!evidence) return undefined;
  if (evidence.observations) return evidence.observations.length;
  if (evidence.summary) return evidence.summary.n;
  return evidence.proportion?.trials;
}

/**
 * The evidence with another kind: the where, when and who stay; the measurements start empty.
 *
 * @example
 * withKind({ summary: { n: 2, mean: 1, sd: 1 }, representativeness: 'curated', takenOn: '2026-01-01', takenBy: 'A' }, 'proportion').proportion // {}
 */
export function withKind(evidence: Partial<Evidence> | undefined, kind: EvidenceKind): Record<string, unknown> {
  const { observations: _o, summary: _s, proportion: _p, ...meta } = evidence ?? {};
  return { ...meta, [kind]: kind === 'observations' ? [] : {} };
}

/** A new measurement: a summary, production data, taken today. */
export function newEvidence(today: string): Record<string, unknown> {
  return { summary: {}, representativeness: 'production', takenOn: today, takenBy: '' };
}
