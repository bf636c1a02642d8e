import { describe, expect, it } from 'vitest';
import { inputSeries, resolvedRanges, statedRange, WIDEN_ERRORS, widenSpec } from '../../models/calibration/index.ts';
import { caseSchema } from '../../models/case/case-schema.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

describe('widenSpec', () => {
  it('stretches the P5–P95 range about the median by the factor, exactly for affine families', () => {
    expect(widenSpec({ type: 'normal', p5: 10, p95: 20 }, 2)).toEqual({ type: 'normal', p5: 5, p95: 25 });
    expect(widenSpec({ type: 'normal', mean: 3, sd: 1 }, 1.5)).toEqual({ type: 'normal', mean: 3, sd: 1.5 });
    const pert = { type: 'pert' as const, min: 10, mode: 20, max: 60 };
    const before = statedRange(pert);
    const after = statedRange(widenSpec(pert, 1.9));
    if (!before || !after) throw new Error('no range');
    expect(after.median).toBeCloseTo(before.median, 9);
    expect(after.upper - after.median).toBeCloseTo(1.9 * (before.upper - before.median), 6);
    expect(after.median - after.lower).toBeCloseTo(1.9 * (before.median - before.lower), 6);
  });

  it('widens a lognormal in log space, keeping its median and staying positive', () => {
    const wide = widenSpec({ type: 'lognormal', p5: 40, p95: 90 }, 3);
    const median = Math.sqrt(40 * 90);
    expect(wide).toMatchObject({ type: 'lognormal' });
    if (!('p5' in wide)) throw new Error('not p5/p95');
    expect(wide.p5).toBeCloseTo(median * (40 / median) ** 3, 9);
    expect(wide.p5 * wide.p95).toBeCloseTo(40 * 90, 6);
  });

  it('refuses a point mass and a bad factor', () => {
    expect(() => widenSpec({ type: 'fixed', value: 3 }, 2)).toThrow(WIDEN_ERRORS.unsupported);
    expect(() => widenSpec({ type: 'normal', p5: 1, p95: 2 }, 0)).toThrow(WIDEN_ERRORS.factor);
  });
});

describe('resolvedRanges of a case', () => {
  const document = minimalCase({
    inputs: {
      benefitPerMonth: {
        unit: 'EUR/month',
        distribution: { type: 'normal', p5: 800, p95: 1200 },
        estimate: { by: 'Ana', on: '2026-01-10' },
        evidence: { summary: { n: 1000, mean: 1300, sd: 100 }, representativeness: 'production', takenOn: '2026-04-01', takenBy: 'QA' },
      },
      docs: { unit: 'documents/month', distribution: { type: 'uniform', min: 50, max: 70 }, estimate: { by: 'Ben', on: '2026-01-11' } },
      setupCost: { unit: 'EUR', distribution: { type: 'fixed', value: 20000 }, estimate: { by: 'Ana', on: '2026-01-10' } },
      runCost: { unit: 'EUR/month', distribution: { type: 'normal', p5: 50, p95: 150 } },
    },
    baseline: { metrics: [{ id: 'docs', label: 'Documents', value: 60, unit: 'documents / month', source: 'DMS', measuredOn: '2026-01-01' }] },
  });
  const bc = caseSchema.parse(document);

  it('maps a baseline metric in the input’s unit to it, and scores inputs with an estimate whose value is known', () => {
    expect(inputSeries(bc)).toEqual({ docs: 'metric:docs' });
    const ranges = resolvedRanges({ id: 'c1', name: 'Case' }, bc, { 'metric:docs': [80, 90] });
    expect(ranges.map((r) => [r.input, r.by, r.resolution.by, r.inside])).toEqual([
      ['benefitPerMonth', 'Ana', 'evidence', false],
      ['docs', 'Ben', 'actuals', false],
    ]);
    const docs = ranges[1];
    expect(docs.resolution.value).toBe(85);
    expect(docs.range).toEqual({ lower: 51, median: 60, upper: 69 });
    expect(docs.score).toBeCloseTo(18 + 20 * 16, 9);
  });
});

describe('inputs.NAME.estimate in the case format', () => {
  it('is optional, names a bad field, and a draft may hold it incomplete', async () => {
    const { draftSchema } = await import('../../models/case/draft-schema.ts');
    const with_ = (estimate: unknown) => minimalCase({ inputs: { ...minimalCase().inputs, runCost: { ...minimalCase().inputs.runCost, estimate } as never } });
    expect(caseSchema.safeParse(minimalCase()).success).toBe(true);
    expect(caseSchema.safeParse(with_({ by: 'Ana', on: '2026-01-10', widened: { factor: 1.9, appliedOn: '2026-02-01', appliedBy: 'Ana' } })).success).toBe(
      true,
    );
    const bad = caseSchema.safeParse(with_({ by: 'Ana', on: '10 Jan' }));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(['inputs', 'runCost', 'estimate', 'on']);
    expect(caseSchema.safeParse(with_({ by: 'Ana' })).success).toBe(false);
    expect(
      draftSchema.safeParse({ formatVersion: 1, name: 'D', inputs: { x: { unit: '', distribution: { type: 'fixed', value: 1 }, estimate: { by: 'Ana' } } } })
        .success,
    ).toBe(true);
    expect(caseSchema.safeParse(with_({ by: 'Ana', on: '2026-01-10', extra: 1 })).success).toBe(false);
  });
});
