import { closestName } from '../case/closest-name.ts';
import type { CompiledModel } from '../formula/compile-case.ts';
import type { OutputDescriptor } from '../formula/outputs.ts';
import { summarizedOutputs } from '../engine/summarize-run.ts';
import { AnalysisError } from './analysis-error.ts';

const ALIASES: Record<string, string> = {
  payback: 'discountedPaybackMonth',
  irr: 'irrAnnual',
};

/**
 * Resolves what an analysis targets: an output id (`npv`, `roi`, `paybackMonth`,
 * `discountedPaybackMonth`, `irrAnnual`, …), an alias (`payback`, `irr`), or a
 * custom metric by its id (with or without the `metric.` prefix).
 *
 * @example
 * resolveOutput(model, 'payback').id // 'discountedPaybackMonth'
 */
export function resolveOutput(model: CompiledModel, name = 'npv'): OutputDescriptor {
  const wanted = ALIASES[name] ?? name;
  const found = model.outputs.find((output) => output.id === wanted) ?? model.outputs.find((output) => output.id === `metric.${wanted}`);
  if (!found) {
    const choices = [...model.outputs.filter((o) => o.group !== 'cost' && o.group !== 'benefit').map((o) => o.id), ...Object.keys(ALIASES)];
    throw new AnalysisError('output', `unknown output "${name}"; choose one of ${choices.join(', ')}`, closestName(name, choices));
  }
  return found;
}

/** Outputs whose summary mean leaves out trials without a value, so precision control cannot target it. */
const PARTIAL_MEANS = new Set(['paybackMonth', 'discountedPaybackMonth', 'irrAnnual']);

/**
 * Like `resolveOutput`, for precision control, which watches the mean and s.e. in a run
 * summary: a per-line or per-category total (not summarised per trial) is refused, and so
 * are paybacks and the IRR, whose means leave out the trials that never pay back or have
 * no rate.
 *
 * @example
 * resolvePrecisionOutput(model, 'roi').id // 'roi'
 */
export function resolvePrecisionOutput(model: CompiledModel, name = 'npv'): OutputDescriptor {
  const found = resolveOutput(model, name);
  if (!summarizedOutputs(model).some((output) => output.id === found.id)) {
    throw new AnalysisError(
      'output',
      `"${name}" is a per-line total, which run summaries report only as a mean; choose npv, roi, a metric or another summarised output`,
    );
  }
  if (PARTIAL_MEANS.has(found.id)) {
    throw new AnalysisError(
      'output',
      `the mean of ${found.id} leaves out the trials that never pay back or have no rate, so it cannot measure precision; choose npv, roi or a metric`,
    );
  }
  return found;
}

/**
 * An output column made usable by variance-based methods: payback "not within the
 * horizon" (+∞) counts as horizon + 1 month; IRR −∞ (never positive) as −100% and
 * +∞ as the largest finite value. Trials with no defined value (NaN) make the
 * analysis fail with a clear message rather than a silent bias.
 *
 * @example
 * const y = analysisColumn(model, 'discountedPaybackMonth', result.outputs.discountedPaybackMonth);
 */
export function analysisColumn(model: CompiledModel, outputId: string, values: Float64Array): Float64Array {
  let needsCopy = false;
  let undefinedCount = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== value) undefinedCount++;
    else if (!Number.isFinite(value)) needsCopy = true;
  }
  if (undefinedCount > 0) {
    throw new AnalysisError(
      'output',
      `${outputId} is undefined in ${undefinedCount} of ${values.length} trials (no single rate solves NPV = 0); analyse npv or roi instead`,
    );
  }
  if (!needsCopy) return values;
  const out = new Float64Array(values.length);
  let largestFinite = -Infinity;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]) && values[i] > largestFinite) largestFinite = values[i];
  const isPayback = outputId === 'paybackMonth' || outputId === 'discountedPaybackMonth';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === Infinity) out[i] = isPayback ? model.horizonMonths + 1 : largestFinite;
    else if (value === -Infinity) out[i] = outputId === 'irrAnnual' ? -1 : -largestFinite;
    else out[i] = value;
  }
  return out;
}
