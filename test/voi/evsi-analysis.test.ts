import { describe, expect, it } from 'vitest';
import { EVSI_ERRORS, evsiAnalysis } from '../../models/analysis/index.ts';
import { AnalysisError } from '../../models/analysis/analysis-error.ts';
import { parseCase } from '../../models/compile/validate-case.ts';
import { META, evidenceCase } from '../evidence/evidence-case.ts';

describe('evsiAnalysis', () => {
  it('takes the observation sd from the evidence, prices each n and picks the best positive net value', () => {
    const { case: bc, model } = parseCase(
      evidenceCase(
        {
          distribution: { type: 'normal', mean: 100, sd: 10 },
          evidence: { summary: { n: 4, mean: 100, sd: 30 }, representativeness: 'production', ...META },
          samplingCost: { fixed: 2, perObservation: 0.05 },
        },
        1260,
      ),
    );
    const settings = { trials: 20_000, seed: 5 };
    const result = evsiAnalysis(bc, model, settings, { input: 'x', sizes: [1, 10, 100, 1000] });
    expect(result.sampleModel).toEqual({ kind: 'normal', sd: 30 });
    expect(result.sdSource).toBe('evidence');
    expect(result.rows.map((row) => row.cost)).toEqual([2.05, 2.5, 7, 52]);
    for (const row of result.rows) expect(row.netValue).toBeCloseTo(row.evsi - row.cost!, 9);
    const best = result.rows.filter((row) => row.netValue! > 0).sort((a, b) => b.netValue! - a.netValue!)[0];
    expect(result.bestN).toBe(best?.n ?? null);
    // Same settings, same bits.
    expect(evsiAnalysis(bc, model, settings, { input: 'x', sizes: [1, 10, 100, 1000] })).toEqual(result);
  });

  it('a lognormal input is observed on logs: an sd S of the quantity becomes √ln(1 + S²/m²)', () => {
    const { case: bc, model } = parseCase(evidenceCase({ distribution: { type: 'lognormal', mean: 100, sd: 20 } }, 1200));
    const result = evsiAnalysis(bc, model, { trials: 4_000, seed: 1 }, { input: 'x', sizes: [10], sd: 50 });
    expect(result.sampleModel.kind).toBe('lognormal');
    if (result.sampleModel.kind === 'lognormal') expect(result.sampleModel.logSd).toBeCloseTo(Math.sqrt(Math.log(1 + 0.25)), 10);
  });

  it('a share with no sd is sampled as a binomial count; a normal input with no evidence needs an sd', () => {
    const share = parseCase(evidenceCase({ distribution: { type: 'beta', alpha: 6, beta: 4 } }, 6));
    expect(evsiAnalysis(share.case, share.model, { trials: 2_000, seed: 1 }, { input: 'x', sizes: [10] }).sampleModel).toEqual({ kind: 'binomial' });
    const plain = parseCase(evidenceCase({ distribution: { type: 'normal', mean: 1, sd: 1 } }));
    expect(() => evsiAnalysis(plain.case, plain.model, { trials: 2_000 }, { input: 'x', sizes: [10] })).toThrow(EVSI_ERRORS.sdNeeded);
    expect(() => evsiAnalysis(plain.case, plain.model, { trials: 2_000 }, { input: 'setup', sizes: [10], sd: 1 })).toThrow(AnalysisError);
  });
});

describe('representativeness factors are a parameter', () => {
  it("a portfolio's factors reach the compiled model", () => {
    const doc = evidenceCase({
      distribution: { type: 'normal', mean: 10, sd: 2 },
      evidence: { summary: { n: 16, mean: 7, sd: 4 }, representativeness: 'curated', ...META },
    });
    const standard = parseCase(doc).model.inputs[0].spec;
    const full = parseCase(doc, { representativenessFactors: { production: 1, similar: 1, curated: 1 } }).model.inputs[0].spec;
    expect(standard).toMatchObject({ type: 'normal', mean: 8.5 });
    expect(full).toMatchObject({ type: 'normal', mean: 7.6 });
  });
});
