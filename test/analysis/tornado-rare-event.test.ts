import { describe, expect, it } from 'vitest';
import { tornadoAnalysis } from '../../models/analysis/index.ts';
import { parseCase } from '../../models/compile/validate-case.ts';
import { rareEventCase } from '../helpers/rare-event-case.ts';

describe('tornado and inputs whose two percentiles coincide', () => {
  it('names a rare chance event it cannot show as a bar, and says nothing of a true constant', () => {
    const result = tornadoAnalysis(parseCase(rareEventCase(0.0009)).model);
    // p10 and p90 of the event are both 0: no bar, but it varies, so a warning names it.
    expect(result.bars.map((bar) => bar.input)).toEqual(['u']);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/\(loss\) varies but is 0 at both p10 and p90.*Sobol/);
  });

  it('shows the event as a bar once the percentiles straddle it, with no warning', () => {
    const result = tornadoAnalysis(parseCase(rareEventCase(0.5)).model);
    const loss = result.bars.find((bar) => bar.input === 'loss')!;
    // Loss 0 at p10, 1000 at p90: NPV falls by exactly 1000 (one month, no discounting).
    expect(loss.outputAtLow - loss.outputAtHigh).toBeCloseTo(1000, 9);
    expect(result.warnings).toEqual([]);
  });
});
