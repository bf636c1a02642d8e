import { describe, expect, it } from 'vitest';
import { parseCase, validateCase } from '../../models/compile/validate-case.ts';
import { EVIDENCE_ERRORS } from '../../models/evidence/index.ts';
import { EVIDENCE_KIND_MESSAGE } from '../../models/case/evidence-schema.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { META, evidenceCase } from './evidence-case.ts';

type Doc = ReturnType<typeof evidenceCase>;
type InputDoc = Doc['inputs'][string];

function issuesOf(x: Partial<InputDoc> & Pick<InputDoc, 'distribution'>) {
  const result = validateCase(evidenceCase(x));
  if (result.ok) throw new Error('expected the case to be refused');
  return result.issues;
}

const normal = { type: 'normal', mean: 1, sd: 0.5 } as const;

describe('bad evidence gets an error naming its field', () => {
  it.each([
    ['sd ≤ 0', normal, { summary: { n: 10, mean: 1, sd: 0 } }, '/inputs/x/evidence/summary/sd', EVIDENCE_ERRORS.sdNotPositive],
    ['n < 2 for a summary', normal, { summary: { n: 1, mean: 1, sd: 1 } }, '/inputs/x/evidence/summary/n', EVIDENCE_ERRORS.summaryTooSmall],
    ['a fractional n', normal, { summary: { n: 2.5, mean: 1, sd: 1 } }, '/inputs/x/evidence/summary/n', EVIDENCE_ERRORS.nNotInteger],
    ['one observation', normal, { observations: [1] }, '/inputs/x/evidence/observations', EVIDENCE_ERRORS.tooFewObservations],
    ['equal observations', normal, { observations: [1, 1, 1] }, '/inputs/x/evidence/observations', EVIDENCE_ERRORS.observationsEqual],
    [
      'successes > trials',
      { type: 'beta', alpha: 2, beta: 3 },
      { proportion: { successes: 11, trials: 10 } },
      '/inputs/x/evidence/proportion/successes',
      EVIDENCE_ERRORS.successesAboveTrials,
    ],
    [
      'fractional counts',
      { type: 'beta', alpha: 2, beta: 3 },
      { proportion: { successes: 1.5, trials: 10 } },
      '/inputs/x/evidence/proportion/successes',
      EVIDENCE_ERRORS.countsNotWhole,
    ],
    [
      'an observation outside the support',
      { type: 'triangular', min: 0.5, mode: 1, max: 2 },
      { observations: [1, 1.5, 2.5] },
      '/inputs/x/evidence/observations/2',
      EVIDENCE_ERRORS.outsideSupport,
    ],
    [
      'a non-positive observation of a lognormal',
      { type: 'lognormal', p5: 1, p95: 4 },
      { observations: [1, 0, 2] },
      '/inputs/x/evidence/observations/1',
      EVIDENCE_ERRORS.outsideSupport,
    ],
    [
      'a proportion for a normal input',
      normal,
      { proportion: { successes: 1, trials: 2 } },
      '/inputs/x/evidence/proportion',
      EVIDENCE_ERRORS.notProportionLike,
    ],
    [
      'a proportion for an input beyond [0, 1]',
      { type: 'pert', min: 0, mode: 1, max: 3 },
      { proportion: { successes: 1, trials: 2 } },
      '/inputs/x/evidence/proportion',
      EVIDENCE_ERRORS.notProportionLike,
    ],
    [
      'a discrete input',
      { type: 'discrete', values: [1, 2], weights: [1, 1] },
      { summary: { n: 5, mean: 1, sd: 1 } },
      '/inputs/x/evidence',
      EVIDENCE_ERRORS.unsupported,
    ],
  ] as const)('%s', (_, distribution, kind, path, message) => {
    const issues = issuesOf({
      distribution: distribution as InputDoc['distribution'],
      evidence: { ...kind, representativeness: 'production', ...META } as InputDoc['evidence'],
    });
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe(path);
    expect(issues[0].message).toContain(message);
  });

  it('names the supported types when it refuses one', () => {
    const [issue] = issuesOf({
      distribution: { type: 'fixed', value: 3 },
      evidence: { summary: { n: 5, mean: 1, sd: 1 }, representativeness: 'production', ...META },
    });
    expect(issue.message).toMatch(/normal and lognormal.*uniform, triangular, PERT, beta.*not fixed$/);
  });

  it('needs exactly one kind of evidence, and non-finite numbers are refused by the schema', () => {
    const none = issuesOf({ distribution: normal, evidence: { representativeness: 'production', ...META } });
    expect(none).toEqual([{ path: '/inputs/x/evidence', message: EVIDENCE_KIND_MESSAGE }]);
    const two = issuesOf({
      distribution: normal,
      evidence: { observations: [1, 2], summary: { n: 2, mean: 1, sd: 1 }, representativeness: 'production', ...META },
    });
    expect(two[0].path).toBe('/inputs/x/evidence');
    const infinite = issuesOf({ distribution: normal, evidence: { observations: [1, Number.POSITIVE_INFINITY], representativeness: 'production', ...META } });
    expect(infinite[0].path).toBe('/inputs/x/evidence/observations/1');
  });
});

describe('evidence keeps runs reproducible', () => {
  it('same seed, same bits, with evidence on a bounded input (matched normal, truncated to the range)', () => {
    const doc = evidenceCase({
      distribution: { type: 'triangular', min: 0.5, mode: 1, max: 2 },
      evidence: { summary: { n: 40, mean: 0.8, sd: 0.9 }, representativeness: 'curated', ...META },
    });
    const run = () => simulate(parseCase(doc).model, { trials: 10_000, seed: 11, keepInputs: true });
    const a = run();
    const b = run();
    expect(Buffer.from(a.outputs.npv.buffer).equals(Buffer.from(b.outputs.npv.buffer))).toBe(true);
    expect(Buffer.from(a.inputs!.x.buffer).equals(Buffer.from(b.inputs!.x.buffer))).toBe(true);
    expect(Math.min(...a.inputs!.x)).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...a.inputs!.x)).toBeLessThanOrEqual(2);
  });
});
