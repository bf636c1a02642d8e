import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseInput } from '../../models/case/case-schema.ts';
import { validateCase } from '../../models/compile/validate-case.ts';
import { MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH, MAX_FORMULA_NESTING } from '../../models/formula/formula-limits.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

/*
 * The formula sandbox: whatever a formula says, it is a named error (a 422 through the
 * API) and never runs code, escapes to JavaScript objects or exhausts the stack.
 */
/** Too long: the case schema's limit when the formula sits in a case, the compiler's (the same number) on its own. */
const tooLong = (grouped: string, length: number): RegExp =>
  new RegExp(
    `(${length} characters long; the limit is ${MAX_FORMULA_LENGTH}|at most ${MAX_FORMULA_LENGTH.toLocaleString('en')} characters in a formula \\(the case limit\\), got ${grouped})`,
  );

const PROBE = '__valuegateSandboxProbe';
const CORPUS: { label: string; formula: string; message: RegExp }[] = [
  { label: 'mathjs import', formula: `import({${PROBE}: 1}, {override: true})`, message: /"import" is not an allowed function/ },
  { label: 'mathjs createUnit', formula: 'createUnit("parsec", "3 lightyear")', message: /"createUnit" is not an allowed function/ },
  { label: 'mathjs evaluate', formula: `evaluate("${PROBE} = 1")`, message: /"evaluate" is not an allowed function/ },
  { label: 'mathjs parse', formula: 'parse("1 + 1")', message: /"parse" is not an allowed function/ },
  { label: 'mathjs compile', formula: 'compile("1")', message: /"compile" is not an allowed function/ },
  { label: 'property access', formula: 'benefitPerMonth.constructor', message: /property access and indexing are not allowed/ },
  { label: 'string index', formula: 'benefitPerMonth["constructor"]', message: /property access and indexing are not allowed/ },
  { label: 'function property', formula: 'sin.constructor("return 1")()', message: /not allowed|only named functions|syntax error/ },
  { label: 'assignment', formula: `${PROBE} = 1`, message: /assignments are not allowed/ },
  { label: 'function definition', formula: 'f(x) = x', message: /assignments are not allowed/ },
  { label: 'text', formula: '"text"', message: /only numbers are allowed/ },
  { label: 'array', formula: '[1, 2]', message: /arrays, objects and ranges are not allowed/ },
  { label: 'object', formula: '{a: 1}', message: /arrays, objects and ranges are not allowed/ },
  { label: 'block', formula: '1; 2', message: /single expression/ },
  ...['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__proto__', '__defineGetter__'].flatMap((name) => [
    { label: `prototype name ${name}`, formula: name, message: new RegExp(`unknown name "${name}"`) },
    { label: `prototype name ${name}()`, formula: `${name}(1)`, message: new RegExp(`"${name}" is not an allowed function`) },
  ]),
  { label: '1,999 minus signs', formula: `${'-'.repeat(1999)}1`, message: new RegExp(`nested more than ${MAX_FORMULA_NESTING} deep`) },
  { label: '1,000 nots', formula: `${'not '.repeat(400)}1`, message: new RegExp(`nested more than ${MAX_FORMULA_NESTING} deep`) },
  { label: '10k-deep parentheses', formula: `${'('.repeat(10_000)}1${')'.repeat(10_000)}`, message: tooLong('20,001', 20_001) },
  { label: '900-deep parentheses', formula: `${'('.repeat(900)}1${')'.repeat(900)}`, message: new RegExp(`nested more than ${MAX_FORMULA_NESTING} deep`) },
  { label: 'power tower', formula: `${'2^'.repeat(600)}2`, message: /deep|nested/ },
  { label: 'long sum', formula: `${'1+'.repeat(700)}1`, message: new RegExp(`more than ${MAX_FORMULA_DEPTH} operations deep`) },
  { label: '1 MB formula', formula: `1${' + 1'.repeat(250_000)}`, message: tooLong('1,000,001', 1_000_001) },
  { label: 'unknown function', formula: 'sinn(1)', message: /"sinn" is not an allowed function/ },
];

type Place = 'amount' | 'variable' | 'metric' | 'adoption';
const PLACES: Record<Place, { path: string; put: (c: CaseInput, formula: string) => void }> = {
  amount: { path: '/benefits/0/amount', put: (c, f) => void (c.benefits[0].amount = f) },
  variable: { path: '/variables/v', put: (c, f) => void (c.variables = { v: f }) },
  metric: { path: '/metrics/0/formula', put: (c, f) => void (c.metrics = [{ id: 'm', label: 'M', unit: 'x', formula: f }]) },
  adoption: { path: '/adoption/monthsToHalf', put: (c, f) => void ((c.adoption as { monthsToHalf: unknown }).monthsToHalf = f) },
};

function caseWith(place: Place, formula: string): CaseInput {
  const c = minimalCase();
  PLACES[place].put(c, formula);
  return c;
}

describe('formula sandbox', () => {
  for (const { label, formula, message } of CORPUS) {
    it(`${label}: a named error wherever the formula is, and nothing runs`, () => {
      for (const place of Object.keys(PLACES) as Place[]) {
        const result = validateCase(caseWith(place, formula));
        expect(result.ok, place).toBe(false);
        if (result.ok) continue;
        expect(result.issues[0].path, place).toBe(PLACES[place].path);
        expect(result.issues[0].message, place).toMatch(message);
      }
      expect(PROBE in globalThis).toBe(false);
      expect(Object.prototype).not.toHaveProperty(PROBE);
    });
  }

  it('a circular definition names the cycle', () => {
    const result = validateCase(
      minimalCase({ variables: { p: 'q + 1', q: 'p * 2' }, benefits: [{ id: 'b', label: 'B', amount: 'p', scaleByAdoption: false }] }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].message).toMatch(/circular definition: p → q → p|circular definition: q → p → q/);
  });

  it('suggests a close name for an unknown one', () => {
    const result = validateCase(caseWith('amount', 'benefitPerMonht * 2'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].hint).toMatch(/benefitPerMonth/);
    const fn = validateCase(caseWith('amount', 'sinn(benefitPerMonth)'));
    if (!fn.ok) expect(fn.issues[0].hint).toMatch(/\bsin\b/);
  });

  it('an input or variable named like an Object.prototype member works', () => {
    const c = minimalCase({
      inputs: {
        constructor: { unit: 'x', source: 'test', distribution: { type: 'fixed' as const, value: 7 } },
        toString: { unit: 'x', source: 'test', distribution: { type: 'fixed' as const, value: 3 } },
        setupCost: { unit: 'EUR', source: 'test', distribution: { type: 'fixed', value: 20000 } },
        runCost: { unit: 'EUR/month', source: 'test', distribution: { type: 'fixed', value: 100 } },
      },
      variables: { valueOf: 'constructor * toString', hasOwnProperty: 'valueOf + 1' },
      benefits: [{ id: 'b', label: 'B', amount: 'hasOwnProperty * 10', scaleByAdoption: false }],
      metrics: [{ id: 'm', label: 'M', unit: 'x', formula: 'constructor + npv * 0' }],
      adoption: { type: 'logistic', startMonth: 1, monthsToHalf: 'toString', ceiling: 1 },
    });
    const result = validateCase(c);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  describe('through the API', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp('pglite', { maxBodyBytes: 4 * 1024 * 1024 });
    });
    afterAll(() => t.close());

    it('every corpus formula is a 422 naming the field, or, if it only names something undefined, a draft that cannot run; never a 500', async () => {
      for (const { label, formula, message } of CORPUS) {
        const response = await t.call('POST', '/api/cases', { body: caseWith('variable', formula), role: 'editor' });
        const body = (await response.json()) as { id?: string; complete?: boolean };
        const text = JSON.stringify(body).replaceAll('\\"', '"');
        expect(text, label).toContain('/variables/v');
        // The to-do list writes the engine's message as a sentence ("Unknown name …").
        expect(text, label).toMatch(new RegExp(message.source, 'i'));
        if (/unknown name/.test(message.source)) {
          // A name not defined yet is a draft's to-do (the input may be added next), and a run refuses it.
          expect(response.status, label).toBe(201);
          expect(body.complete, label).toBe(false);
          const run = await t.call('POST', `/api/cases/${body.id}/runs`, { body: { trials: 100 }, role: 'editor' });
          expect(run.status, label).toBe(422);
        } else {
          expect(response.status, label).toBe(422);
        }
      }
      expect(PROBE in globalThis).toBe(false);
    });
  });
});
