import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCase } from '../../models/compile/validate-case.ts';
import { resolveGovernance } from '../../models/governance/case-governance.ts';

const fixture = (name: string) => {
  const result = validateCase(JSON.parse(readFileSync(new URL(`../../fixtures/${name}.json`, import.meta.url), 'utf8')));
  if (!result.ok) throw new Error(`${name}: ${result.issues[0].path} ${result.issues[0].message}`);
  return result.case;
};

describe('the fixtures carry intake answers', () => {
  it('classifies the contact-center assistant as a transparency case: customers receive AI-drafted replies', () => {
    for (const name of ['contact-center-assistant', 'contact-center-assistant-measured']) {
      const governance = resolveGovernance(fixture(name));
      expect(governance.euAiActCategory).toMatchObject({
        value: 'transparency',
        derived: 'transparency',
        overridden: false,
        because: ['generatesContent: yes', 'affected: customers'],
      });
      expect(governance.riskTier.value).toBe('medium');
      expect(governance.issues).toEqual([]);
      expect(governance.accountability.missing).toEqual([]);
    }
  });

  it('puts the finance anomaly model in the medium tier, a minimal-risk use under the EU AI Act', () => {
    const governance = resolveGovernance(fixture('finance-cost-anomaly'));
    expect(governance.riskTier).toMatchObject({ value: 'medium', derived: 'medium', overridden: false });
    expect(governance.riskTier.rules.approvals).toEqual(['businessOwner', 'approver']);
    expect(governance.euAiActCategory.value).toBe('minimal');
    expect(governance.issues).toEqual([]);
  });

  it('leaves the other fixtures without governance: the low tier, as before', () => {
    for (const name of ['document-processing', 'supplier-email-triage']) {
      expect(resolveGovernance(fixture(name)).riskTier.value).toBe('low');
    }
  });
});
