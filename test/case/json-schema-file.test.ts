import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseJsonSchema } from '../../api/cli/main.ts';

const root = new URL('../../', import.meta.url);

describe('schema/case.schema.json', () => {
  it('is the JSON Schema the case format generates (run `npm run schema` after changing the format)', () => {
    const stored = JSON.parse(readFileSync(new URL('schema/case.schema.json', root), 'utf8'));
    expect(stored).toEqual(JSON.parse(JSON.stringify(caseJsonSchema())));
  });

  it('is what every fixture points at, and fixtures/ holds only cases (and the post-launch/ plans)', () => {
    for (const file of readdirSync(new URL('fixtures/', root))) {
      if (file === 'post-launch') continue;
      const document = JSON.parse(readFileSync(new URL(`fixtures/${file}`, root), 'utf8'));
      expect(document.formatVersion, file).toBe(1);
      expect(document.$schema, file).toBe('../schema/case.schema.json');
    }
  });
});
