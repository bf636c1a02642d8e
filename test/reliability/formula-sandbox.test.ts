import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseInput } from '../../models/case/case-schema.ts';
import { minimalCase } from '../helpers/minimal-case.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * Formulas that try to escape the formula language, at the API: mathjs functions that run
 * or define code (import, createUnit, evaluate, parse, compile, config…), property access,
 * names every JavaScript object inherits, assignments, strings, units, deep nesting, 1 MB
 * and cycles. Each must be refused with a 4xx naming the field (422; 413 if a body limit
 * applies first) wherever a formula goes, and none may run: globalThis and
 * Object.prototype are unchanged afterwards.
 */
const ESCAPES: Record<string, string> = {
  'import override': 'import({pwned: 1}, {override: true})',
  import: 'import({pwned: 1})',
  createUnit: 'createUnit("pwned")',
  'createUnit with definition': 'createUnit("foo", "5 cm")',
  evaluate: 'evaluate("pwned = 1")',
  'parse and compile': 'parse("1").compile().evaluate()',
  'Function via constructor': 'cos.constructor("globalThis.pwned = 1")()',
  'Function via input': 'benefitPerMonth.constructor.constructor("globalThis.pwned = 1")()',
  'array constructor': '[].constructor.constructor("globalThis.pwned = 1")()',
  'block with assignment': 'f = cos.constructor; f("globalThis.pwned = 1")()',
  assignment: 'pwned = 1',
  'function definition': 'f(x) = x ^ 2',
  'property access': 'benefitPerMonth.valueOf',
  'index access': 'benefitPerMonth["constructor"]',
  text: '"globalThis"',
  object: '{pwned: 1}',
  matrix: '[1, 2]',
  range: '1:3',
  unit: '5 cm',
  simplify: 'simplify("x")',
  derivative: 'derivative("x^2", "x")',
  config: 'config({number: "BigNumber"})',
  typed: 'typed("a", {})',
  chain: 'chain(1).done()',
  help: 'help(cos)',
  eval: 'eval("1")',
  Function: 'Function("return this")()',
  require: 'require("fs")',
  process: 'process',
  globalThis: 'globalThis',
  this: 'this',
  'two statements': '1; 2',
  transpose: "benefitPerMonth'",
  factorial: '3!',
  'chained comparison': '1 < 2 < 3',
  constructor: 'constructor',
  toString: 'toString',
  valueOf: 'valueOf * 2',
  hasOwnProperty: 'hasOwnProperty',
  isPrototypeOf: 'isPrototypeOf',
  __proto__: '__proto__',
  'constructor called': 'constructor()',
  'toString called': 'toString()',
  prototype: 'prototype',
  '1,999 minus signs': '-'.repeat(1999) + '1',
  '999-deep parentheses': '('.repeat(999) + '1' + ')'.repeat(999),
  '10k-deep parentheses': '('.repeat(10_000) + '1' + ')'.repeat(10_000),
  '10k-deep calls': 'abs('.repeat(10_000) + '1' + ')'.repeat(10_000),
  '1 MB formula': 'benefitPerMonth + '.repeat(58_255) + '1',
  empty: ' ',
};

/** Where a formula can go in a case, and the JSON pointer the error must name. */
const PLACES: { pointer: string; put(document: CaseInput, formula: string): void }[] = [
  { pointer: '/benefits/0/amount', put: (d, f) => void (d.benefits[0].amount = f) },
  { pointer: '/variables/v', put: (d, f) => void ((d.variables = { v: f }), (d.benefits[0].amount = 'v')) },
  { pointer: '/metrics/0/formula', put: (d, f) => void (d.metrics = [{ id: 'm', label: 'M', unit: 'EUR', formula: f }]) },
  { pointer: '/adoption/ceiling', put: (d, f) => void (d.adoption.ceiling = f) },
];

function documentWith(place: (typeof PLACES)[number], formula: string): CaseInput {
  const document = minimalCase({ name: 'Sandbox case' });
  place.put(document, formula);
  return document;
}

describe('formula sandbox at the API', () => {
  let t: TestApp;
  let caseId: string;
  /** The target's version: only drafts that merely name something undefined are saved on it. */
  let version = 1;
  let globalsBefore: string[] = [];
  let prototypeBefore: string[] = [];

  beforeAll(async () => {
    t = await buildTestApp('pglite');
    const created = await t.call('POST', '/api/cases', { body: minimalCase({ name: 'Sandbox target' }), role: 'editor' });
    expect(created.status).toBe(201);
    caseId = ((await created.json()) as { id: string }).id;
    // Taken once the app is up and has handled a case, so only what the corpus did can differ.
    globalsBefore = Object.getOwnPropertyNames(globalThis).sort();
    prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  });
  afterAll(() => t?.close());

  for (const [label, formula] of Object.entries(ESCAPES)) {
    it(`refuses ${label} in every formula field, on create and on edit`, async () => {
      for (const place of PLACES) {
        const body = documentWith(place, formula);
        for (const method of ['POST', 'PUT'] as const) {
          const response =
            method === 'POST'
              ? await t.call('POST', '/api/cases', { body, role: 'editor' })
              : await t.call('PUT', `/api/cases/${caseId}`, { body, headers: { 'If-Match': `"v${version}"` }, role: 'editor' });
          const text = await response.text();
          const where = `${method} with ${place.pointer} = ${JSON.stringify(formula.slice(0, 60))}: ${response.status} ${text.slice(0, 200)}`;
          if (response.status === 201 || response.status === 200) {
            // Only a name not defined yet (constructor, process…): a draft that cannot run, its to-do naming the field.
            const saved = JSON.parse(text) as { id: string; complete: boolean; todo: { path: string; message: string }[] };
            expect(saved.complete, where).toBe(false);
            expect(saved.todo.map((item) => item.path).join(' '), where).toContain(place.pointer);
            const run = await t.call('POST', `/api/cases/${method === 'POST' ? saved.id : caseId}/runs`, { body: { trials: 100 }, role: 'editor' });
            expect(run.status, where).toBe(422);
            if (method === 'PUT') version = Number(response.headers.get('etag')?.replace(/\D/g, ''));
            continue;
          }
          expect([413, 422], where).toContain(response.status);
          if (response.status === 422) expect(text, where).toContain(place.pointer);
        }
      }
    });
  }

  it('refuses a cycle between variables, and a variable naming itself', async () => {
    const cycles: Record<string, string>[] = [{ a: 'b + 1', b: 'a + 1' }, { a: 'a * 2' }];
    for (const variables of cycles) {
      const response = await t.call('POST', '/api/cases', {
        body: minimalCase({ variables, benefits: [{ id: 'flat', label: 'Flat', amount: 'a' }] }),
        role: 'editor',
      });
      // A cycle is a draft's to-do (the user may be halfway through an edit); it saves, and a run refuses it.
      const saved = (await response.json()) as { id: string; complete: boolean; todo: { path: string; message: string }[] };
      expect(response.status).toBe(201);
      expect(saved.complete).toBe(false);
      expect(JSON.stringify(saved.todo)).toContain('/variables/a');
      const run = await t.call('POST', `/api/cases/${saved.id}/runs`, { body: { trials: 100 }, role: 'editor' });
      expect(run.status).toBe(422);
    }
  });

  it('accepts an input legitimately named like an inherited property (constructor)', async () => {
    const document = minimalCase({ name: 'Named constructor' });
    // Set as an own key; `document.inputs.constructor` would name Object's constructor to TypeScript.
    // biome-ignore lint/complexity/useLiteralKeys: a dotted .constructor is typed as Object's own constructor
    (document.inputs as Record<string, unknown>)['constructor'] = { unit: 'EUR/month', source: 'test', distribution: { type: 'fixed', value: 5 } };
    document.benefits[0].amount = 'benefitPerMonth + constructor';
    const response = await t.call('POST', '/api/cases', { body: document, role: 'editor' });
    expect(response.status, await response.text()).toBe(201);
  });

  it('ran none of them: no new global, no polluted prototype, the case untouched', async () => {
    expect(Object.getOwnPropertyNames(globalThis).sort()).toEqual(globalsBefore);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    expect(({} as Record<string, unknown>).pwned).toBeUndefined();
    const current = await t.call('GET', `/api/cases/${caseId}`, { role: 'viewer' });
    expect(current.headers.get('etag')).toBe(`"v${version}"`);
  });
});
