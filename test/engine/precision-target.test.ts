import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../models/compile/validate-case.ts';
import { precisionCheck, precisionSchedule, precisionStep } from '../../models/engine/precision-target.ts';
import { summarizeRun } from '../../models/engine/summarize-run.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { summarizeOutput } from '../../models/engine/summarize-output.ts';

describe('precision control', () => {
  it('doubles from 16,384 trials and ends at the cap, never beyond', () => {
    expect(precisionSchedule(100_000)).toEqual([16_384, 32_768, 65_536, 100_000]);
    expect(precisionSchedule(65_536)).toEqual([16_384, 32_768, 65_536]);
    expect(precisionSchedule(10_000)).toEqual([10_000]);
    expect(() => precisionSchedule(0)).toThrow(/positive integer/);
  });

  it('measures the 95 % CI of the mean against the mean: 1..10,000 has sd √(n(n+1)/12)', () => {
    // mean 5000.5, sd = √(10000·10001/12) = 2886.8956…, s.e. = sd/100, half-width = 1.959964·s.e. = 56.5817…
    const summary = summarizeOutput(Float64Array.from({ length: 10_000 }, (_, i) => i + 1));
    const halfWidth = 1.959963984540054 * (Math.sqrt((10_000 * 10_001) / 12) / 100);
    const check = precisionCheck(summary, { outputId: 'x', relativeHalfWidth: 0.012 }, 10_000);
    expect(check.halfWidth).toBeCloseTo(halfWidth, 9);
    expect(check.halfWidth).toBeCloseTo(56.5817, 3);
    expect(check.relativeHalfWidth).toBeCloseTo(halfWidth / 5000.5, 12);
    expect(check.met).toBe(true);
    expect(precisionCheck(summary, { outputId: 'x', relativeHalfWidth: 0.011 }, 10_000).met).toBe(false);
  });

  it('is met at once by an output that does not vary, and never by one whose mean is 0', () => {
    expect(precisionCheck(summarizeOutput(new Float64Array(100).fill(7)), { outputId: 'x', relativeHalfWidth: 0.001 }, 100)).toMatchObject({
      relativeHalfWidth: 0,
      met: true,
    });
    const symmetric = summarizeOutput(Float64Array.from({ length: 101 }, (_, i) => i - 50));
    expect(precisionCheck(symmetric, { outputId: 'x', relativeHalfWidth: 0.5 }, 101)).toMatchObject({ relativeHalfWidth: Infinity, met: false });
  });

  it('steps through the schedule, keeps every run, and stops when met or at the cap', () => {
    const { model } = parseCase(JSON.parse(readFileSync('fixtures/document-processing.json', 'utf8')));
    const schedule = precisionSchedule(40_000);
    const run = (trials: number) => summarizeRun(model, simulate(model, { trials, seed: 3 }));
    // ±0.5 %: the 16,384-trial run is at ±0.62 %, the 32,768-trial run within it.
    const first = precisionStep(run(16_384), { outputId: 'npv', relativeHalfWidth: 0.005 }, schedule);
    expect(first.report).toMatchObject({ trials: 16_384, met: false, runs: [16_384] });
    expect(first.next).toBe(32_768);
    const second = precisionStep(run(32_768), { outputId: 'npv', relativeHalfWidth: 0.005 }, schedule, first.report);
    expect(second.report).toMatchObject({ trials: 32_768, met: true, runs: [16_384, 32_768] });
    expect(second.next).toBeNull();
    // Unreachable at this cap: the last size ends it, not met.
    const last = precisionStep(run(40_000), { outputId: 'npv', relativeHalfWidth: 0.0001 }, schedule, second.report);
    expect(last).toMatchObject({ next: null, report: { met: false, trials: 40_000 } });
    expect(() => precisionStep(run(1_000), { outputId: 'cost.data', relativeHalfWidth: 0.01 }, [1_000])).toThrow(/no output "cost.data"/);
  });

  it("nests its runs: a run's trials start with the previous, smaller run's, bit for bit", () => {
    const { model } = parseCase(JSON.parse(readFileSync('fixtures/contact-center-assistant.json', 'utf8')));
    const small = simulate(model, { trials: 16_384, seed: 42 }).outputs.npv;
    const large = simulate(model, { trials: 32_768, seed: 42 }).outputs.npv;
    expect(Buffer.from(large.buffer, large.byteOffset, small.byteLength).equals(Buffer.from(small.buffer, small.byteOffset, small.byteLength))).toBe(true);
  });
});
