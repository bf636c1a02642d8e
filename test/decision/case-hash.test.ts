import { describe, expect, it } from 'vitest';
import { parseCase } from '../../models/compile/validate-case.ts';
import { canonicalJson } from '../../models/decision/canonical-json.ts';
import { caseHash } from '../../models/decision/case-hash.ts';
import { sha256 } from '../../models/decision/sha256.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

describe('caseHash', () => {
  it('is the SHA-256 of the canonical JSON of the validated case', () => {
    const bc = parseCase(minimalCase()).case;
    expect(caseHash(bc)).toBe(sha256(canonicalJson(bc)));
    expect(caseHash(bc)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on key order or on spelling out a default', () => {
    const written = minimalCase();
    const reordered = Object.fromEntries(Object.entries(written).reverse());
    const explicitDefaults = minimalCase({
      benefits: [{ id: 'flat', label: 'Flat benefit', amount: 'benefitPerMonth', scaleByAdoption: false, realization: 1 }],
    });
    const hash = caseHash(parseCase(written).case);
    expect(caseHash(parseCase(reordered).case)).toBe(hash);
    expect(caseHash(parseCase(explicitDefaults).case)).toBe(hash);
  });

  it('changes with any figure and with the decision rules', () => {
    const hash = caseHash(parseCase(minimalCase()).case);
    expect(caseHash(parseCase(minimalCase({ discountRateAnnual: 0.11 })).case)).not.toBe(hash);
    expect(caseHash(parseCase(minimalCase({ decisionRules: { tooCloseZ: 3 } })).case)).not.toBe(hash);
  });
});
