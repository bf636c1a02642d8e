import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASE_LIMITS, caseCountIssues, documentBytes } from '../../models/case/case-limits.ts';
import { validateCase } from '../../models/compile/validate-case.ts';

const fixture = (name: string) => JSON.parse(readFileSync(`fixtures/${name}.json`, 'utf8'));

describe('case limits', () => {
  it('leave every example case well inside them', () => {
    for (const name of ['document-processing', 'contact-center-assistant', 'finance-cost-anomaly']) {
      const document = fixture(name);
      expect(caseCountIssues(document)).toEqual([]);
      expect(documentBytes(document)).toBeLessThan(CASE_LIMITS.documentBytes / 10);
      expect(validateCase(document).ok).toBe(true);
    }
  });

  it('count the raw document before the schema: the F5 case (10,000 inputs) is named at once', () => {
    const inputs = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`x${i}`, {}]));
    const costs = Array.from({ length: 501 }, () => ({}));
    expect(caseCountIssues({ inputs, costs, benefits: [] })).toEqual([
      { path: '/inputs', message: 'at most 500 inputs (the case limit), got 10,000' },
      { path: '/costs', message: 'at most 500 cost lines (the case limit), got 501' },
    ]);
    expect(caseCountIssues({ inputs: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`x${i}`, {}])) })).toEqual([]);
    expect(caseCountIssues('not a case')).toEqual([]);
  });

  it('measure documents in UTF-8 bytes of their JSON', () => {
    expect(documentBytes({ name: 'é' })).toBe(13);
    expect(documentBytes({ name: 'e' })).toBe(12);
  });
});
