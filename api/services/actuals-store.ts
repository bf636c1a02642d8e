import { randomUUID } from 'node:crypto';
import type { BusinessCase } from '../../models/case/case-schema.ts';
import { createDistribution } from '../../models/distributions/create-distribution.ts';
import type { ActualRecord, ActualScore } from '../../models/contract/resources.ts';
import type { Queryable } from '../storage/database.ts';

export type { ActualRecord, ActualScore };

/** Where a metric's forecast lives: an input of the case, reached directly or through the value hypothesis. */
export interface ActualTarget {
  input: string;
  via: 'input' | 'baselineMetric';
  /** The baseline metric's unit, when the metric is one. */
  metricUnit?: string;
}

/** Below P10 or above P90, the forecast missed. */
const REGATE_LOW = 0.1;
const REGATE_HIGH = 0.9;

const SELECT = `SELECT id, case_id, metric, value, to_char(measured_on, 'YYYY-MM-DD') AS measured_on, note, created_at, created_by FROM actuals`;

function toRecord(row: Record<string, unknown>): ActualRecord {
  return {
    id: String(row.id),
    caseId: String(row.case_id),
    metric: String(row.metric),
    // numeric comes back as a decimal string from both drivers.
    value: Number(row.value),
    measuredOn: String(row.measured_on),
    note: (row.note as string | null) ?? null,
    createdAt: new Date(row.created_at as string).toISOString(),
    createdBy: String(row.created_by),
  };
}

/**
 * Stores a measured value (rounded to the column's four decimal places).
 *
 * @example
 * await insertActual(db, { caseId, metric: 'docsPerMonth', value: 61200, measuredOn: '2027-03-31', note: null, createdBy: 'alice' });
 */
export async function insertActual(
  db: Queryable,
  actual: { caseId: string; metric: string; value: number; measuredOn: string; note: string | null; createdBy: string },
): Promise<ActualRecord> {
  const id = randomUUID();
  await db.query(
    'INSERT INTO actuals (id, case_id, metric, value, measured_on, note, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    // The value goes as text so the numeric column rounds the decimal the caller sent, not its binary approximation.
    [id, actual.caseId, actual.metric, String(actual.value), actual.measuredOn, actual.note, actual.createdBy],
  );
  const { rows } = await db.query<Record<string, unknown>>(`${SELECT} WHERE id = $1`, [id]);
  return toRecord(rows[0]);
}

/**
 * A case's actuals, in the order they were measured.
 *
 * @example
 * const actuals = await listActuals(db, caseId);
 */
export async function listActuals(db: Queryable, caseId: string): Promise<ActualRecord[]> {
  const { rows } = await db.query<Record<string, unknown>>(`${SELECT} WHERE case_id = $1 ORDER BY measured_on, created_at, id`, [caseId]);
  return rows.map(toRecord);
}

/**
 * Every name an actual may be recorded under: the case's inputs, and the baseline
 * metrics the value hypothesis maps to an input.
 *
 * @example
 * actualMetricNames(bc) // ['docsPerMonth', …, 'minutesPerDoc']
 */
export function actualMetricNames(bc: BusinessCase): string[] {
  const mapped = (bc.valueHypothesis?.expectedChanges ?? []).filter((change) => change.input && bc.inputs[change.input]).map((change) => change.metric);
  return [...new Set([...Object.keys(bc.inputs), ...mapped])];
}

/**
 * The input a metric is scored against: the input of that name, else the input the
 * value hypothesis maps that baseline metric to; null when there is none.
 *
 * @example
 * resolveActualMetric(bc, 'minutesPerDoc') // { input: 'straightThroughShare', via: 'baselineMetric', metricUnit: 'minutes' }
 */
export function resolveActualMetric(bc: BusinessCase, metric: string): ActualTarget | null {
  if (Object.hasOwn(bc.inputs, metric)) return { input: metric, via: 'input' };
  const change = bc.valueHypothesis?.expectedChanges.find((entry) => entry.metric === metric && entry.input && Object.hasOwn(bc.inputs, entry.input));
  if (!change) return null;
  const baseline = bc.baseline?.metrics.find((entry) => entry.id === metric);
  return { input: change.input!, via: 'baselineMetric', ...(baseline ? { metricUnit: baseline.unit } : {}) };
}

const sameUnit = (a: string, b: string): boolean => a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();

/**
 * Where a value falls in a forecast distribution: its CDF. Point masses (fixed,
 * discrete, bernoulli) count half of the mass at the value, so an actual equal to a
 * fixed forecast sits at P50 rather than P100.
 *
 * @example
 * forecastPercentile({ type: 'uniform', min: 0, max: 100 }, 25) // 0.25
 */
export function forecastPercentile(spec: BusinessCase['inputs'][string]['distribution'], value: number): number {
  const distribution = createDistribution(spec);
  const below = distribution.cdf(value);
  return distribution.discrete ? below - 0.5 * distribution.pdf(value) : below;
}

function percentileLabel(percentile: number): string {
  const percent = percentile * 100;
  // Keep one decimal at the tails, where rounding would claim P0 or P100 for a value inside the range.
  return `P${percent < 1 || percent > 99 ? Math.round(percent * 10) / 10 : Math.round(percent)}`;
}

/**
 * Scores an actual against the current forecast. A baseline metric is scored against
 * its input only when both are in the same unit: a value in minutes cannot be placed
 * on a distribution of shares, so it is recorded unscored.
 *
 * @example
 * scoreActual(bc, 'securityAssuranceCost', 26250)
 * // { input: 'securityAssuranceCost', unit: 'GBP', percentile: 0.25, regate: false,
 * //   assessment: 'the actual sits at P25 of the forecast for Security assurance and DPIA; within the forecast P10–P90' }
 */
export function scoreActual(bc: BusinessCase, metric: string, value: number): ActualScore {
  const target = resolveActualMetric(bc, metric);
  if (!target) {
    return {
      input: null,
      unit: null,
      percentile: null,
      regate: false,
      assessment: `not scored: the current case version has no input or mapped baseline metric "${metric}"`,
    };
  }
  const input = bc.inputs[target.input];
  const label = input.label ?? target.input;
  if (target.via === 'baselineMetric' && !(target.metricUnit && sameUnit(target.metricUnit, input.unit))) {
    return {
      input: target.input,
      unit: target.metricUnit ?? null,
      percentile: null,
      regate: false,
      assessment: `recorded, not scored: ${metric} is measured in ${target.metricUnit ?? 'an unknown unit'} but its input ${target.input} is forecast in ${input.unit}; record ${target.input} itself to score it`,
    };
  }
  const percentile = forecastPercentile(input.distribution, value);
  const regate = percentile < REGATE_LOW || percentile > REGATE_HIGH;
  const position =
    percentile <= 0
      ? `the actual is below every value the forecast for ${label} allowed (P0)`
      : percentile >= 1
        ? `the actual is above every value the forecast for ${label} allowed (P100)`
        : `the actual sits at ${percentileLabel(percentile)} of the forecast for ${label}`;
  const verdict = regate ? 'outside the forecast P10–P90: the forecast was off, re-gate the case' : 'within the forecast P10–P90';
  return { input: target.input, unit: input.unit, percentile, regate, assessment: `${position}; ${verdict}` };
}
