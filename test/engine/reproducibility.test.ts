import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCase } from '../../models/compile/validate-case.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { WorkerPool } from '../../api/workers/worker-pool.ts';
import { summarizeRun } from '../../models/engine/summarize-run.ts';

const { model } = parseCase(JSON.parse(readFileSync('fixtures/contact-center-assistant.json', 'utf8')));

function sameBits(a: Float64Array, b: Float64Array): boolean {
  return Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}

describe('reproducibility', () => {
  const pool = new WorkerPool({ workers: 2, minTrialsForWorkers: 1, warmUp: false });
  afterAll(() => pool.close());

  it('gives identical bits for the same seed', () => {
    const a = simulate(model, { trials: 9000, seed: 42 });
    const b = simulate(model, { trials: 9000, seed: 42 });
    for (const id of Object.keys(a.outputs)) expect(sameBits(a.outputs[id], b.outputs[id])).toBe(true);
  });

  it('gives different draws for a different seed', () => {
    const a = simulate(model, { trials: 2000, seed: 1 });
    const b = simulate(model, { trials: 2000, seed: 2 });
    expect(sameBits(a.outputs.npv, b.outputs.npv)).toBe(false);
  });

  it.each(['mc', 'lhs'] as const)('does not depend on the number of worker threads (%s)', async (sampling) => {
    const single = simulate(model, { trials: 20_000, seed: 7, sampling });
    const parallel = await pool.run(model, { trials: 20_000, seed: 7, sampling });
    for (const id of Object.keys(single.outputs)) expect(sameBits(single.outputs[id], parallel.outputs[id]), id).toBe(true);
    expect(parallel.meanCostByCategoryYear).toEqual(single.meanCostByCategoryYear);
    expect(sameBits(single.fan.values, parallel.fan.values)).toBe(true);
    expect(parallel.achievedCorrelation).toEqual(single.achievedCorrelation);
  });

  it('summarises on the workers exactly as on one thread', async () => {
    const result = await pool.run(model, { trials: 20_000, seed: 9 });
    expect(await pool.summarize(model, result)).toEqual(summarizeRun(model, result));
  });

  it('gives the same bits in memory recycled from a released run (recycled columns are not cleared)', async () => {
    // Inputs, line totals and the fan are kept too: every recycled column must be fully rewritten.
    const settings = { trials: 12_000, keepInputs: true, keepLineTotals: true };
    const first = await pool.run(model, { ...settings, seed: 5 });
    const copy = (columns: Record<string, Float64Array>) => Object.fromEntries(Object.entries(columns).map(([id, column]) => [id, Float64Array.from(column)]));
    const reference = { outputs: copy(first.outputs), inputs: copy(first.inputs!), fan: Float64Array.from(first.fan.values) };
    const firstNpv = first.outputs.npv;
    pool.release(first);
    const other = await pool.run(model, { ...settings, seed: 6 });
    // The second run reused the first run's memory...
    expect([...Object.values(other.outputs), ...Object.values(other.inputs!)].some((column) => column.buffer === firstNpv.buffer)).toBe(true);
    pool.release(other);
    const again = await pool.run(model, { ...settings, seed: 5 });
    // ...and a rerun of the first seed in recycled memory gives the first run's bits.
    for (const id of Object.keys(reference.outputs)) expect(sameBits(again.outputs[id], reference.outputs[id]), id).toBe(true);
    for (const name of Object.keys(reference.inputs)) expect(sameBits(again.inputs![name], reference.inputs[name]), name).toBe(true);
    expect(sameBits(again.fan.values, reference.fan)).toBe(true);
    expect(simulate(model, { trials: 12_000, seed: 5 }).meanCostByCategoryYear).toEqual(again.meanCostByCategoryYear);
  });

  it('depends only on seed and trial count: a chunk is the same in a longer run', () => {
    const short = simulate(model, { trials: 4096, seed: 3, sampling: 'mc' });
    const long = simulate(model, { trials: 12_000, seed: 3, sampling: 'mc' });
    expect(sameBits(short.outputs.npv, long.outputs.npv.subarray(0, 4096))).toBe(true);
  });
});
