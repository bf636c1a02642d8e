import { describe, expect, it } from 'vitest';
import { parseCase } from '../../models/compile/validate-case.ts';
import { createDistribution } from '../../models/distributions/create-distribution.ts';
import type { DistributionSpec } from '../../models/distributions/spec.ts';
import { instantiate } from '../../models/engine/runnable-model.ts';
import { CHUNK_SIZE } from '../../models/engine/simulation-env.ts';
import { stratumTable } from '../../models/engine/stratum-tables.ts';
import { fillUniforms } from '../../models/rng/sfc32.ts';
import { streamState } from '../../models/rng/stream-state.ts';
import { shuffleInto } from '../../models/sampling/latin-hypercube.ts';
import { fillSplitStrata, fillStratumQuantiles } from '../../models/sampling/stratum-quantile-table.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

/*
 * The WebAssembly sampler draws a full Latin Hypercube chunk in the kernel's memory.
 * With the JavaScript split-strata step in between, it must give run-chunk.ts's
 * JavaScript steps' bits: the same uniforms, the same sorted draws and the same
 * shuffle, for tables with split strata (a triangular mode, normal tails) and with
 * strata left to the column transform (next to an infinite Q(0) or Q(1)).
 */
const SPECS: Record<string, DistributionSpec> = {
  normal: { type: 'normal', mean: 10, sd: 3 },
  lognormal: { type: 'lognormal', p5: 1, p95: 500 },
  triangular: { type: 'triangular', min: 0, mode: 0.7, max: 1 },
  pert: { type: 'pert', min: 2, mode: 3, max: 9 },
  uniform: { type: 'uniform', min: -5, max: 5 },
  beta: { type: 'beta', alpha: 0.8, beta: 3 },
  truncated: { type: 'normal', mean: 0, sd: 1, truncate: { min: -1, max: 2.5 } },
};

describe('the WebAssembly Latin Hypercube sampler', () => {
  const inputs = Object.fromEntries(Object.entries(SPECS).map(([name, distribution]) => [name, { unit: 'x', source: 'test', distribution }]));
  const { model } = parseCase(minimalCase({ inputs: { ...minimalCase().inputs, ...inputs } }));
  const runnable = instantiate(model);
  const sampler = runnable.sampler!;

  it('gives the JavaScript steps’ bits for every continuous distribution, split strata included', () => {
    let splitInputs = 0;
    model.inputs.forEach((input, index) => {
      const distribution = createDistribution(input.spec);
      const quantiles = (p: Float64Array, out: Float64Array, n: number): void => distribution.fillFromUniforms(p, out, n, true);
      const table = stratumTable(input.spec, distribution, quantiles);
      if (!table) return;
      if (table.splitStrata.length > 0) splitInputs++;
      const scratch = { strata: new Int32Array(CHUNK_SIZE), probabilities: new Float64Array(CHUNK_SIZE), values: new Float64Array(CHUNK_SIZE) };
      for (const chunk of [0, 7]) {
        const jsState = streamState(42, chunk, input.streamKey);
        const uniforms = new Float64Array(CHUNK_SIZE);
        const sorted = new Float64Array(CHUNK_SIZE);
        const column = new Float64Array(CHUNK_SIZE);
        fillUniforms(jsState, uniforms, CHUNK_SIZE);
        fillStratumQuantiles(table, uniforms, sorted, quantiles, scratch);
        shuffleInto(sorted, column, CHUNK_SIZE, jsState);

        const state = streamState(42, chunk, input.streamKey);
        sampler.fillStrata(state, index, table, sampler.sortedShared);
        expect(Array.from(sampler.uniforms)).toEqual(Array.from(uniforms));
        fillSplitStrata(table, sampler.uniforms, sampler.sortedShared, quantiles, scratch);
        expect(Array.from(sampler.sortedShared), input.name).toEqual(Array.from(sorted));
        sampler.shuffle(sampler.sortedShared, runnable.inputColumns![index]);
        expect(Array.from(runnable.inputColumns![index]), input.name).toEqual(Array.from(column));
      }
    });
    expect(splitInputs).toBeGreaterThanOrEqual(3);
  });

  it('refuses views outside the kernel’s memory', () => {
    const input = model.inputs.findIndex((candidate) => candidate.name === 'normal');
    const distribution = createDistribution(model.inputs[input].spec);
    const table = stratumTable(model.inputs[input].spec, distribution, (p, out, n) => distribution.fillFromUniforms(p, out, n, true))!;
    expect(() => sampler.fillStrata(streamState(1, 0, 0), input, table, new Float64Array(CHUNK_SIZE))).toThrow(RangeError);
    expect(() => sampler.shuffle(sampler.sortedShared, new Float64Array(CHUNK_SIZE))).toThrow(RangeError);
  });
});
