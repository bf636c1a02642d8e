import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../models/compile/validate-case.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { summarizeOutput } from '../../models/engine/summarize-output.ts';
import { BLOCK_TRIALS, createBlockScratch, simulateBlock, summarizeColumn } from '../bench/hand-written-reference.ts';

// The bench sets the engine beside a hand-written loop of the reference model. The two share
// no code (their own PRNG streams, samplers and cash-flow loops), so agreeing within Monte Carlo
// error checks the engine and keeps the bench's ratio about the same model.
describe('the hand-written reference model', () => {
  const trials = 200_000;
  const handWritten = {
    npv: new Float64Array(trials),
    roi: new Float64Array(trials),
    discountedPaybackMonth: new Float64Array(trials),
  };
  const scratch = createBlockScratch();
  for (let block = 0; block * BLOCK_TRIALS < trials; block++) {
    simulateBlock(7, block, Math.min(BLOCK_TRIALS, trials - block * BLOCK_TRIALS), scratch, handWritten);
  }
  const { model } = parseCase(JSON.parse(readFileSync('test/bench/reference-model.json', 'utf8')));
  const engine = simulate(model, { trials, seed: 7, sampling: 'mc' }).outputs;

  it('summarises a column with type-7 percentiles (R quantile(1:10, type = 7))', () => {
    const summary = summarizeColumn(Float64Array.from([7, 3, 10, 1, 5, 9, 2, 8, 4, 6]));
    expect(summary.mean).toBe(5.5);
    expect(summary.sd).toBeCloseTo(Math.sqrt(55 / 6), 12);
    const expected = [1.45, 1.9, 5.5, 9.1, 9.55];
    [summary.p5, summary.p10, summary.p50, summary.p90, summary.p95].forEach((value, index) => expect(value).toBeCloseTo(expected[index], 12));
    expect(summary.shareAboveZero).toBe(1);
  });

  it('agrees with the engine on NPV and ROI within Monte Carlo error', () => {
    for (const output of ['npv', 'roi'] as const) {
      const ours = summarizeOutput(engine[output]);
      const theirs = summarizeColumn(handWritten[output].slice());
      const standardError = Math.hypot(ours.standardError, theirs.sd / Math.sqrt(trials));
      expect(Math.abs(ours.mean - theirs.mean)).toBeLessThan(4 * standardError);
      // Spread and tails: each sd within 1 % and each p5/p95 within 1.5 % of the NPV's spread.
      expect(ours.sd / theirs.sd).toBeCloseTo(1, 1.7);
      expect(Math.abs(ours.percentiles.p5 - theirs.p5) / theirs.sd).toBeLessThan(0.015);
      expect(Math.abs(ours.percentiles.p95 - theirs.p95) / theirs.sd).toBeLessThan(0.015);
    }
  });

  it('agrees with the engine on P(NPV > 0) and the median discounted payback', () => {
    const ours = summarizeOutput(engine.npv);
    const theirs = summarizeColumn(handWritten.npv.slice());
    const p = theirs.shareAboveZero;
    expect(Math.abs(ours.probabilityPositive.value - p)).toBeLessThan(4 * Math.sqrt((2 * p * (1 - p)) / trials));
    const paybackOurs = summarizeOutput(engine.discountedPaybackMonth).percentiles.p50;
    const paybackTheirs = summarizeColumn(handWritten.discountedPaybackMonth.slice()).p50;
    expect(Math.abs(paybackOurs - paybackTheirs)).toBeLessThanOrEqual(1);
  });
});
