import { describe, expect, it } from 'vitest';
import { parseCase } from '../../models/compile/validate-case.ts';
import { FACTOR_ERRORS, parseFactorsText, representativenessFactorsSchema, resolveFactors } from '../../models/evidence/representativeness-factors.ts';
import { updateInput } from '../../models/evidence/update-input.ts';
import { resolveSettings } from '../../models/pipeline/index.ts';
import { evidenceCase, META } from './evidence-case.ts';

const prior = { type: 'normal', mean: 100, sd: 10 } as const;
const summary = { n: 40, mean: 80, sd: 30 };

/** Normal–normal with n_eff = factor·n (docs/methods.md, "Evidence"): the textbook posterior of prior N(100, 10²). */
function closedForm(factor: number): { mean: number; sd: number } {
  const precision = 1 / 10 ** 2 + (factor * summary.n) / 30 ** 2;
  return { mean: (100 / 10 ** 2 + (factor * summary.n * summary.mean) / 30 ** 2) / precision, sd: Math.sqrt(1 / precision) };
}

describe('representativeness factors', () => {
  it('count evidence of n as factor·n: a changed factor moves the posterior to the closed form at the new n_eff', () => {
    for (const curated of [0.1, 0.25, 0.5, 1]) {
      const update = updateInput('x', { distribution: prior, evidence: { summary, representativeness: 'curated', ...META } }, resolveFactors({ curated }));
      expect(update?.factor).toBe(curated);
      expect(update?.effectiveN).toBeCloseTo(curated * 40, 12);
      expect(update?.posteriorParameters.mean).toBeCloseTo(closedForm(curated).mean, 10);
      expect(update?.posteriorParameters.sd).toBeCloseTo(closedForm(curated).sd, 10);
    }
    // Curated 40 at ½ is exactly production 20 at 1.
    const halfCurated = updateInput(
      'x',
      { distribution: prior, evidence: { summary, representativeness: 'curated', ...META } },
      resolveFactors({ curated: 0.5 }),
    );
    const production20 = updateInput('x', { distribution: prior, evidence: { summary: { ...summary, n: 20 }, representativeness: 'production', ...META } });
    expect(halfCurated?.posterior).toEqual(production20?.posterior);
  });

  it('weigh a beta–binomial update the same way: Beta(a + f·k, b + f·(n − k))', () => {
    const input = {
      distribution: { type: 'beta', alpha: 2, beta: 3 } as const,
      evidence: { proportion: { successes: 30, trials: 40 }, representativeness: 'similar', ...META } as const,
    };
    expect(updateInput('x', input, resolveFactors({ similar: 0.25 }))?.posteriorParameters).toEqual({ alpha: 2 + 7.5, beta: 3 + 2.5 });
    expect(updateInput('x', input)?.posteriorParameters).toEqual({ alpha: 2 + 15, beta: 3 + 5 });
  });

  it('reach the compiled model: the simulated spec is the update at the given factors', () => {
    const doc = evidenceCase({ distribution: prior, evidence: { summary, representativeness: 'curated', ...META } });
    expect(parseCase(doc).model.inputs[0].spec).toMatchObject({ type: 'normal', mean: closedForm(0.25).mean });
    expect(parseCase(doc, { representativenessFactors: resolveFactors({ curated: 1 }) }).model.inputs[0].spec).toMatchObject({ mean: closedForm(1).mean });
  });

  it('are recorded in resolved settings: the request’s over the defaults 1, ½, ¼', () => {
    expect(resolveSettings({}, {}).representativenessFactors).toEqual({ production: 1, similar: 0.5, curated: 0.25 });
    expect(resolveSettings({}, { representativenessFactors: { similar: 0.75 } }).representativenessFactors).toEqual({
      production: 1,
      similar: 0.75,
      curated: 0.25,
    });
  });

  it('read the CLI text form, any subset, and name a bad part', () => {
    expect(parseFactorsText('production=1,similar=0.5,curated=0.25')).toEqual({ production: 1, similar: 0.5, curated: 0.25 });
    expect(parseFactorsText(' curated = 0.1 ')).toEqual({ production: 1, similar: 0.5, curated: 0.1 });
    expect(() => parseFactorsText('curated=0')).toThrow(`curated ${FACTOR_ERRORS.range}`);
    expect(() => parseFactorsText('similar=1.5')).toThrow(`similar ${FACTOR_ERRORS.range}`);
    expect(() => parseFactorsText('curated=half')).toThrow(`curated ${FACTOR_ERRORS.range}`);
    expect(() => parseFactorsText('pilot=0.5')).toThrow(`pilot ${FACTOR_ERRORS.unknown}`);
    expect(() => parseFactorsText('curated')).toThrow(FACTOR_ERRORS.syntax);
  });

  it('accept (0, 1] in the API schema and refuse the rest', () => {
    expect(representativenessFactorsSchema.safeParse({ production: 1, curated: 0.01 }).success).toBe(true);
    for (const bad of [{ curated: 0 }, { curated: -0.5 }, { similar: 1.01 }, { production: Number.NaN }, { curated: '0.5' }, { pilot: 0.5 }]) {
      expect(representativenessFactorsSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
