import type { Evidence } from '../case/evidence-schema.ts';
import * as dm from '../math/deterministic-math.ts';
import { EVIDENCE_ERRORS, EvidenceError, evidencePath } from './evidence-error.ts';

/** The sample an update uses: n measurements with mean and sample sd (n − 1 denominator). */
export interface SampleStatistics {
  n: number;
  mean: number;
  sd: number;
}

/** Where observations may lie: [min, max], with min itself excluded when `minExclusive`. */
export interface Support {
  min: number;
  max: number;
  minExclusive?: boolean;
}

/**
 * The n, mean and sd of observation or summary evidence, checked: finite numbers, n ≥ 2
 * (whole), sd > 0, every observation (or the summary's mean) inside `support`. With `log`, of the logarithms:
 * observations are logged; a summary (mean m, sd s of the quantity) is taken as lognormal
 * and converted by moments, σ² = ln(1 + s²/m²) and μ = ln m − σ²/2.
 *
 * @example
 * sampleStatistics('x', { summary: { n: 10, mean: 5, sd: 2 }, ...meta }, { min: -Infinity, max: Infinity }) // { n: 10, mean: 5, sd: 2 }
 */
export function sampleStatistics(name: string, evidence: Evidence, support: Support, log = false): SampleStatistics {
  if (evidence.summary) {
    const { mean } = evidence.summary;
    if (!log && Number.isFinite(mean) && (mean < support.min || mean > support.max))
      throw new EvidenceError(evidencePath(name, 'summary', 'mean'), `${mean} ${EVIDENCE_ERRORS.outsideSupport} (${supportText(support)})`);
    return summaryStatistics(name, evidence.summary, log);
  }
  const values = evidence.observations ?? [];
  values.forEach((value, index) => {
    const path = evidencePath(name, 'observations', index);
    if (!Number.isFinite(value)) throw new EvidenceError(path, EVIDENCE_ERRORS.notFinite);
    const below = support.minExclusive ? value <= support.min : value < support.min;
    if (below || value > support.max) throw new EvidenceError(path, `${value} ${EVIDENCE_ERRORS.outsideSupport} (${supportText(support)})`);
  });
  if (values.length < 2) throw new EvidenceError(evidencePath(name, 'observations'), EVIDENCE_ERRORS.tooFewObservations);
  const xs = log ? values.map((value) => dm.log(value)) : values;
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let squares = 0;
  for (const x of xs) squares += (x - mean) * (x - mean);
  const sd = Math.sqrt(squares / (xs.length - 1));
  if (!(sd > 0)) throw new EvidenceError(evidencePath(name, 'observations'), EVIDENCE_ERRORS.observationsEqual);
  return { n: xs.length, mean, sd };
}

function summaryStatistics(name: string, summary: NonNullable<Evidence['summary']>, log: boolean): SampleStatistics {
  for (const key of ['n', 'mean', 'sd'] as const) {
    if (!Number.isFinite(summary[key])) throw new EvidenceError(evidencePath(name, 'summary', key), EVIDENCE_ERRORS.notFinite);
  }
  if (!Number.isInteger(summary.n)) throw new EvidenceError(evidencePath(name, 'summary', 'n'), EVIDENCE_ERRORS.nNotInteger);
  if (summary.n < 2) throw new EvidenceError(evidencePath(name, 'summary', 'n'), EVIDENCE_ERRORS.summaryTooSmall);
  if (!(summary.sd > 0)) throw new EvidenceError(evidencePath(name, 'summary', 'sd'), EVIDENCE_ERRORS.sdNotPositive);
  if (!log) return { n: summary.n, mean: summary.mean, sd: summary.sd };
  if (!(summary.mean > 0)) throw new EvidenceError(evidencePath(name, 'summary', 'mean'), EVIDENCE_ERRORS.logMeanNotPositive);
  const ratio = summary.sd / summary.mean;
  const variance = dm.log1p(ratio * ratio);
  return { n: summary.n, mean: dm.log(summary.mean) - variance / 2, sd: Math.sqrt(variance) };
}

function supportText(support: Support): string {
  const lower = support.min === -Infinity ? '(−∞' : `${support.minExclusive ? '(' : '['}${support.min}`;
  const upper = support.max === Infinity ? '∞)' : `${support.max}]`;
  return `${lower}, ${upper}`;
}
