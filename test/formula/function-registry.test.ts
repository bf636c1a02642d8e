import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../models/case/case-schema.ts';
import { parseCase } from '../../models/compile/validate-case.ts';
import { evaluate, pointEstimate } from '../../models/engine/point-estimate.ts';
import { chunkScratch, runChunk } from '../../models/engine/run-chunk.ts';
import { instantiate, type KernelBackend } from '../../models/engine/runnable-model.ts';
import { allocateBuffers } from '../../models/engine/simulation-buffers.ts';
import { chunkCount, simulationEnv } from '../../models/engine/simulation-env.ts';
import { FUNCTION_NAMES, FUNCTION_REGISTRY, type FunctionName } from '../../models/formula/function-registry.ts';
import { parseFormula } from '../../models/formula/parse-formula.ts';
import type { CompiledModel } from '../../models/formula/compile-case.ts';
import { Decimal } from '../../models/money/money.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

/*
 * Every registered function works in the JavaScript kernel, the WebAssembly kernel
 * (same bits) and the point estimate (its decimal form, within 1e−12 relative).
 * A function added to the table without a sample call here is a type error.
 */
const SAMPLES: Record<FunctionName, string> = {
  min: 'min(x, y, z)',
  max: 'max(x, y)',
  abs: 'abs(x)',
  sqrt: 'sqrt(z)',
  exp: 'exp(x)',
  log: 'log(z) + log(z, 10)',
  log10: 'log10(z)',
  pow: 'pow(z, y)',
  floor: 'floor(x * 3)',
  ceil: 'ceil(x * 3)',
  round: 'round(x * 3.5)',
  clamp: 'clamp(x, -0.5, 0.5)',
  if: 'if(x > 0.2, y, z)',
  ramp: 'ramp(2, 9) * z',
  step: 'step(4) * z',
  between: 'between(3, 7) * z',
  grow: 'grow(y)',
  sin: 'sin(2 * pi * monthOfYear / 12 + x)',
  cos: 'cos(x * 7)',
  tan: 'tan(x)',
  atan: 'atan(x * 5)',
  atan2: 'atan2(x, y - 0.5)',
  sinh: 'sinh(x * 3)',
  cosh: 'cosh(x * 3)',
  tanh: 'tanh(x)',
  sign: 'sign(x)',
  trunc: 'trunc(x * 3)',
  cbrt: 'cbrt(x * 10)',
  hypot: 'hypot(x, z)',
  normcdf: 'normcdf(x * 3)',
  norminv: 'norminv(y)',
};

function caseWith(formula: string, inputs: CaseInput['inputs'], horizonMonths: number): CaseInput {
  return minimalCase({
    horizonMonths,
    discountRateAnnual: 0,
    inputs,
    variables: { v: formula },
    benefits: [{ id: 'f', label: 'Function', amount: 'v', scaleByAdoption: false }],
    costs: [{ id: 'run', label: 'Run', category: 'infrastructure', kind: 'monthly', amount: '1' }],
  });
}

function run(model: CompiledModel, backend: KernelBackend, trials: number) {
  const runnable = instantiate(model, { backend, computeIrr: true });
  const env = simulationEnv({ trials, seed: 3, sampling: 'mc', fanTrials: 0 });
  const buffers = allocateBuffers(model, env);
  const scratch = chunkScratch(runnable);
  for (let chunk = 0; chunk < chunkCount(env.trials); chunk++) runChunk(runnable, env, chunk, buffers, scratch);
  return { backend: runnable.backend, buffers };
}

const sameBits = (a: Float64Array, b: Float64Array): boolean =>
  Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;

const RANDOM_INPUTS: CaseInput['inputs'] = {
  x: { unit: 'x', source: 'test', distribution: { type: 'normal', mean: 0.2, sd: 0.8 } },
  y: { unit: 'x', source: 'test', distribution: { type: 'uniform', min: 0.02, max: 0.98 } },
  z: { unit: 'x', source: 'test', distribution: { type: 'lognormal', p5: 0.5, p95: 20 } },
};
const fixedInputs = (x: number, y: number, z: number): CaseInput['inputs'] => ({
  x: { unit: 'x', source: 'test', distribution: { type: 'fixed', value: x } },
  y: { unit: 'x', source: 'test', distribution: { type: 'fixed', value: y } },
  z: { unit: 'x', source: 'test', distribution: { type: 'fixed', value: z } },
});

/** Σ over months 1…H of the formula in decimal arithmetic, with the point estimate's own evaluator. */
function decimalTotal(formula: string, [x, y, z]: number[], H: number): number {
  const expr = parseFormula(formula, '/test');
  let total = new Decimal(0);
  for (let month = 1; month <= H; month++) {
    const year = Math.floor((month - 1) / 12) + 1;
    const scope = new Map<string, Decimal>([
      ['x', new Decimal(x)],
      ['y', new Decimal(y)],
      ['z', new Decimal(z)],
      ['month', new Decimal(month)],
      ['year', new Decimal(year)],
      ['monthOfYear', new Decimal(month - (year - 1) * 12)],
      ['pi', Decimal.acos(-1)],
      ['e', Decimal.exp(1)],
      ['horizonMonths', new Decimal(H)],
      ['adoption', new Decimal(1)],
    ]);
    total = total.plus(evaluate(expr, scope));
  }
  return total.toNumber();
}

describe('every registered function', () => {
  it('has a sample call here', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...FUNCTION_NAMES].sort());
  });

  for (const name of FUNCTION_NAMES) {
    it(`${name}: the same bits in the JavaScript and WebAssembly kernels, and the decimal form's value`, () => {
      const model = parseCase(caseWith(SAMPLES[name], RANDOM_INPUTS, 24)).model;
      const js = run(model, 'js', 5000);
      const wasm = run(model, 'wasm', 5000);
      expect(wasm.backend).toBe('wasm');
      model.outputs.forEach((output, index) => {
        const [a, b] = [js.buffers.outputs[index], wasm.buffers.outputs[index]];
        if (a && b) expect(sameBits(a, b), output.id).toBe(true);
      });
      const benefits = model.outputs.findIndex((output) => output.id === 'totalBenefits');
      // Not a constant column: the function was really computed per trial.
      expect(new Set(js.buffers.outputs[benefits]!).size).toBeGreaterThan(1);

      for (const point of [
        [0.37, 0.61, 2.3],
        [-1.2, 0.07, 0.4],
        [0.05, 0.93, 11],
      ]) {
        const H = 14;
        const fixed = parseCase(caseWith(SAMPLES[name], fixedInputs(point[0], point[1], point[2]), H));
        const expected = decimalTotal(SAMPLES[name], point, H);
        for (const backend of ['js', 'wasm'] as const) {
          const total = run(fixed.model, backend, 10).buffers.outputs[benefits]![0];
          expect(Math.abs(total - expected), `${backend} at ${point}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
        }
        // The point estimate runs the same formula (rounded to the cent in its report).
        expect(Number(pointEstimate(fixed.case).totalBenefits)).toBeCloseTo(expected, 2);
      }
    });
  }

  it('documents each function in one line, and its arity matches its signature', () => {
    for (const name of FUNCTION_NAMES) {
      const spec = FUNCTION_REGISTRY[name];
      expect(spec.signature.startsWith(`${name}(`)).toBe(true);
      expect(spec.doc.length).toBeGreaterThan(3);
      expect(spec.minArgs).toBeLessThanOrEqual(spec.maxArgs);
    }
  });
});
