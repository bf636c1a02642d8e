import type { CompiledModel } from '../formula/compile-case.ts';
import { instantiate, type RunnableModel } from '../engine/runnable-model.ts';
import { CHUNK_SIZE } from '../engine/simulation-env.ts';

/** Evaluates the model on given input values, without sampling. */
export interface ModelEvaluator {
  model: CompiledModel;
  runnable: RunnableModel;
  /** One output column for n rows of input columns (one column per input, case order). */
  evaluate(columns: readonly Float64Array[], n: number, outputIndex: number): Float64Array;
  /** One output at one point (a value per input). */
  evaluatePoint(point: Float64Array, outputIndex: number): number;
}

/**
 * Builds an evaluator that runs the compiled kernel block by block on input
 * columns supplied by the caller: the base for tornado, spider, Sobol and
 * break-even analyses.
 *
 * @example
 * const evaluator = modelEvaluator(model, { computeIrr: false });
 * const npv = evaluator.evaluate(columns, n, 0);
 */
export function modelEvaluator(model: CompiledModel, options: { computeIrr?: boolean } = {}): ModelEvaluator {
  const runnable = instantiate(model, options);
  const outputsCount = model.outputs.length;
  const blockOutputs = Array.from({ length: outputsCount }, () => new Float64Array(CHUNK_SIZE));
  const accumulator = new Float64Array(model.accumulators.size);
  const flows = new Float64Array(model.horizonMonths);
  const noFan = new Float64Array(0);
  const pointColumns = model.inputs.map(() => new Float64Array(1));

  const evaluate = (columns: readonly Float64Array[], n: number, outputIndex: number): Float64Array => {
    const result = new Float64Array(n);
    for (let start = 0; start < n; start += CHUNK_SIZE) {
      const size = Math.min(CHUNK_SIZE, n - start);
      const views = columns.map((column) => column.subarray(start, start + size));
      runnable.resetIrr();
      runnable.kernel(views, size, blockOutputs, 0, accumulator, flows, noFan, 0, 0, 0);
      result.set(blockOutputs[outputIndex].subarray(0, size), start);
    }
    return result;
  };
  return {
    model,
    runnable,
    evaluate,
    evaluatePoint(point, outputIndex) {
      for (let i = 0; i < point.length; i++) pointColumns[i][0] = point[i];
      return evaluate(pointColumns, 1, outputIndex)[0];
    },
  };
}
