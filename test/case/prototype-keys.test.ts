import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prototypeKeyIssues } from '../../models/case/prototype-keys.ts';
import { validateCase } from '../../models/compile/validate-case.ts';
import { buildTestApp } from '../helpers/test-app.ts';

const fixture = readFileSync(new URL('../../fixtures/document-processing.json', import.meta.url), 'utf8');
/** The fixture with an input named __proto__, as a client's JSON would carry it. */
const withProtoInput = fixture.replace('"inputs": {', '"inputs": {"__proto__": {"unit": "EUR", "source": "x", "distribution": {"type": "fixed", "value": 1}},');

describe('a key named __proto__', () => {
  it('is refused at its JSON pointer instead of vanishing from the case', () => {
    expect(withProtoInput).not.toBe(fixture);
    const result = validateCase(JSON.parse(withProtoInput));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual([{ path: '/inputs/__proto__', message: '"__proto__" is not allowed as a name or field' }]);
  });

  it('is found at any depth, escaped in the pointer, and nowhere else', () => {
    expect(prototypeKeyIssues(JSON.parse('{"a":[{"b/c":{"__proto__":1}}]}')).map((issue) => issue.path)).toEqual(['/a/0/b~1c/__proto__']);
    expect(prototypeKeyIssues(JSON.parse(fixture))).toEqual([]);
    expect(prototypeKeyIssues(null)).toEqual([]);
  });

  it('gets a 422 from the API', async () => {
    const t = await buildTestApp('pglite');
    try {
      const response = await t.call('POST', '/api/cases', { body: JSON.parse(withProtoInput), role: 'editor' });
      expect(response.status).toBe(422);
      expect((await response.json()).errors[0].path).toBe('/inputs/__proto__');
    } finally {
      await t.close();
    }
  });
});
