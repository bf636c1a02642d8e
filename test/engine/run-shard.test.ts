import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../models/compile/validate-case.ts';
import { assembleShards, runShard, shardLayout, shardRanges } from '../../models/engine/run-shard.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { simulationEnv } from '../../models/engine/simulation-env.ts';
import { summarizeRun } from '../../models/engine/summarize-run.ts';

const sameBits = (a: Float64Array, b: Float64Array): boolean =>
  a.length === b.length && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;

describe('sharded runs (whole 4,096-trial chunks)', () => {
  it('splits a run into whole chunks, the last shard shorter', () => {
    expect(shardRanges(300_000, 131_072)).toEqual([
      { firstChunk: 0, lastChunk: 32 },
      { firstChunk: 32, lastChunk: 64 },
      { firstChunk: 64, lastChunk: 74 },
    ]);
    expect(() => shardRanges(10_000, 5000)).toThrow(/multiple of 4096/);
  });

  // 2 shards of 8,192 and a short one; the fan (10,000 rows) ends inside the second shard.
  it.each([
    ['contact-center-assistant', 'lhs'],
    ['contact-center-assistant', 'mc'],
    ['document-processing', 'lhs'],
  ] as const)('%s (%s): shards run in any order give the bits of the single-process run', (fixture, sampling) => {
    const { model } = parseCase(JSON.parse(readFileSync(`fixtures/${fixture}.json`, 'utf8')));
    const env = simulationEnv({ trials: 20_000, seed: 11, sampling });
    const single = simulate(model, env);
    const ranges = shardRanges(env.trials, 8192);
    const packed = new Array<Float64Array>(ranges.length);
    for (const index of [2, 0, 1]) packed[index] = runShard(model, env, ranges[index]);
    const sharded = assembleShards(model, env, ranges, packed);
    for (const id of Object.keys(sharded.outputs)) expect(sameBits(sharded.outputs[id], single.outputs[id]), id).toBe(true);
    expect(sameBits(sharded.fan.values, single.fan.values)).toBe(true);
    expect(JSON.stringify(summarizeRun(model, sharded))).toBe(JSON.stringify(summarizeRun(model, single)));
    expect(shardLayout(model, env, ranges[1]).fanRows).toEqual({ first: 8192, count: 1808 });
  });
});
