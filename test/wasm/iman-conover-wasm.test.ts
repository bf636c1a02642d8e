import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../models/case/case-schema.ts';
import { parseCase } from '../../models/compile/validate-case.ts';
import { chunkScratch, runChunk } from '../../models/engine/run-chunk.ts';
import { instantiate, type KernelBackend } from '../../models/engine/runnable-model.ts';
import { allocateBuffers, type SimulationBuffers } from '../../models/engine/simulation-buffers.ts';
import { chunkCount, simulationEnv } from '../../models/engine/simulation-env.ts';
import type { CompiledModel } from '../../models/formula/compile-case.ts';
import { streamState } from '../../models/rng/stream-state.ts';
import { imanConover } from '../../models/sampling/iman-conover.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

/*
 * Iman–Conover as WebAssembly (iman-conover-wasm.ts) must rearrange the columns exactly
 * as iman-conover.ts does and report the same achieved Spearman matrix, bit for bit, for
 * 2 to 8 correlated inputs, on full and partial chunks, with tied draws (discrete and
 * bernoulli inputs); and decline, changing nothing, what only the JavaScript handles.
 */
const DISTRIBUTIONS: CaseInput['inputs'][string]['distribution'][] = [
  { type: 'normal', mean: 10, sd: 3 },
  { type: 'lognormal', p5: 2, p95: 40 },
  { type: 'discrete', values: [1, 2, 3], weights: [1, 2, 1] },
  { type: 'pert', min: 0, mode: 2, max: 9 },
  { type: 'bernoulli', p: 0.3, value: 100 },
  { type: 'uniform', min: -1, max: 1 },
  { type: 'triangular', min: 0, mode: 1, max: 5 },
  { type: 'beta', alpha: 2, beta: 3 },
  { type: 'normal', mean: 0, sd: 1 },
];

function correlatedCase(k: number): CompiledModel {
  const names = Array.from({ length: k }, (_, index) => `x${index}`);
  const inputs = Object.fromEntries(names.map((name, index) => [name, { unit: 'x', source: 'test', distribution: DISTRIBUTIONS[index] }]));
  // Equicorrelation 0.3 with one stronger pair and one negative pair: positive definite for every k here.
  const matrix = names.map((_, a) => names.map((__, b) => (a === b ? 1 : (a === 0 && b === 1) || (a === 1 && b === 0) ? 0.6 : a + b === 5 ? -0.1 : 0.3)));
  const bc = minimalCase({
    inputs: { ...minimalCase().inputs, ...inputs },
    benefits: [{ id: 'flat', label: 'Flat benefit', amount: `benefitPerMonth + ${names.join(' + ')}`, scaleByAdoption: false }],
    correlations: { inputs: names, matrix },
  });
  return parseCase(bc).model;
}

function run(model: CompiledModel, backend: KernelBackend, trials: number): { buffers: SimulationBuffers; portRuns: number } {
  const runnable = instantiate(model, { backend });
  let portRuns = 0;
  const port = runnable.sampler?.imanConover;
  if (runnable.sampler && port) {
    runnable.sampler.imanConover = (...args) => {
      const achieved = port(...args);
      if (achieved) portRuns++;
      return achieved;
    };
  }
  const env = simulationEnv({ trials, seed: 17, sampling: 'lhs', keepInputs: true });
  const buffers = allocateBuffers(model, env);
  const scratch = chunkScratch(runnable);
  for (let chunk = 0; chunk < chunkCount(trials); chunk++) runChunk(runnable, env, chunk, buffers, scratch);
  if (runnable.sampler && port) runnable.sampler.imanConover = port;
  return { buffers, portRuns };
}

const sameBits = (a: Float64Array, b: Float64Array): boolean =>
  Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;

describe('Iman–Conover as WebAssembly', () => {
  it.each([2, 3, 5, 8])('rearranges %i correlated inputs with iman-conover.ts’s bits (a full and a partial chunk)', (k) => {
    const model = correlatedCase(k);
    const trials = 4096 + 777;
    const js = run(model, 'js', trials);
    const wasm = run(model, 'wasm', trials);
    expect(wasm.portRuns).toBe(2);
    expect(js.portRuns).toBe(0);
    js.buffers.inputs!.forEach((column, index) => expect(sameBits(column, wasm.buffers.inputs![index]), model.inputs[index].name).toBe(true));
    expect(sameBits(js.buffers.chunkCorrelations, wasm.buffers.chunkCorrelations)).toBe(true);
    // The rearrangement does what it is for: the first pair's achieved rank correlation is near its 0.6 target.
    expect(Math.abs(wasm.buffers.chunkCorrelations[1] - 0.6)).toBeLessThan(0.05);
  });

  it('is left to iman-conover.ts beyond 8 correlated inputs', () => {
    const model = correlatedCase(9);
    expect(instantiate(model).sampler?.imanConover).toBeUndefined();
  });

  it('declines sorted draws out of order, changing no column, and iman-conover.ts then sorts them itself', () => {
    const model = correlatedCase(3);
    const runnable = instantiate(model);
    const sampler = runnable.sampler!;
    const n = 4096;
    const columns = model.correlation!.inputIndices.map((index) => runnable.inputColumns![index]);
    sampler.sortedByCorrelatedSlot.forEach((sorted, slot) => {
      for (let j = 0; j < n; j++) sorted[j] = j + slot;
      columns[slot].set(sorted);
    });
    sampler.sortedByCorrelatedSlot[1][10] = 1e9; // not ascending
    columns[1].set(sampler.sortedByCorrelatedSlot[1]);
    const before = columns.map((column) => Float64Array.from(column));
    expect(sampler.imanConover!(columns, n, runnable.correlation!, streamState(1, 0, 7))).toBeNull();
    columns.forEach((column, slot) => expect(sameBits(column, before[slot])).toBe(true));
    const achieved = imanConover(columns, n, runnable.correlation!, streamState(1, 0, 7), sampler.sortedByCorrelatedSlot);
    expect(achieved[1]).toBeGreaterThan(0.4);
  });
});
