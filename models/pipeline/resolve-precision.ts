import { resolvePrecisionOutput } from '../analysis/output-target.ts';
import type { PrecisionTarget } from '../engine/precision-target.ts';
import type { CompiledModel } from '../formula/compile-case.ts';

/**
 * The precision target a run watches, with its output checked against the model: an
 * output the run summaries report only as a mean, or whose mean leaves trials out
 * (paybacks, IRR), throws the analysis's `AnalysisError` (field `output`). Every entry
 * point checks through here, so the service refuses (422) exactly what the run would.
 *
 * @example
 * resolvePrecisionTarget(model, { relativeHalfWidth: 0.01, output: 'roi' }) // { outputId: 'roi', relativeHalfWidth: 0.01 }
 */
export function resolvePrecisionTarget(
  model: CompiledModel,
  precision: { relativeHalfWidth: number; output?: string } | undefined,
): PrecisionTarget | undefined {
  if (!precision) return undefined;
  return { outputId: resolvePrecisionOutput(model, precision.output ?? 'npv').id, relativeHalfWidth: precision.relativeHalfWidth };
}
