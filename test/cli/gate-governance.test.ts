import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RISK_TIERS } from '../../models/governance/risk-tiers.ts';
import { FULL_ACCOUNTABILITY, LOW_INTAKE } from '../governance/governance-fixtures.ts';
import { cli } from '../helpers/run-cli-in-process.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

const DIR = resolve(import.meta.dirname, '../../test-artifacts/cli-gate-governance');
const file = (name: string) => resolve(DIR, name);

describe('valuegate gate: tier, category and missing approvals', () => {
  beforeAll(() => {
    mkdirSync(DIR, { recursive: true });
    const governed = {
      ...minimalCase({ name: 'Loan pre-screening' }),
      governance: {
        intake: { ...LOW_INTAKE, decisions: ['creditOrInsurance'], affected: ['customers'], euAiActArea: 'essentialServices' },
        accountability: FULL_ACCOUNTABILITY,
      },
    };
    writeFileSync(file('high.json'), JSON.stringify(governed));
    writeFileSync(file('plain.json'), JSON.stringify(minimalCase()));
    // One tier only: everything is "low", needing no approvals.
    writeFileSync(file('one-tier.json'), JSON.stringify({ tiers: [DEFAULT_RISK_TIERS[0]] }));
    writeFileSync(file('bad-tiers.json'), JSON.stringify({ tiers: [{ ...DEFAULT_RISK_TIERS[0], approvals: ['ceo'] }] }));
  });

  it('reports the EU AI Act category with its article, the tier with the answers behind it, and every approval still missing', async () => {
    const { code, stdout } = await cli('gate', file('high.json'), '--trials', '500');
    expect(code).toBe(0);
    expect(stdout).toContain(
      'EU AI Act category: highRisk, Art. 6(2), Annex III point 5 (access to essential private and public services, incl. credit scoring)',
    );
    expect(stdout).toContain('Risk tier: high (High)\n    because euAiActCategory: highRisk');
    expect(stdout).toContain('Missing approvals for a scale decision: business owner (Head of Service), risk owner (Rita Risk), an approver');
    expect(stdout).toContain('Post-launch review every 1 month\n');
    const json = JSON.parse((await cli('gate', file('high.json'), '--trials', '500', '--json')).stdout);
    expect(json.governance).toMatchObject({ euAiActCategory: 'highRisk', riskTier: 'high', requiredApprovals: ['businessOwner', 'riskOwner', 'approver'] });
  });

  it('reads the organisation’s tiers with --governance, and names a bad field', async () => {
    const { stdout } = await cli('gate', file('high.json'), '--trials', '500', '--governance', file('one-tier.json'));
    expect(stdout).toContain('Risk tier: low (Low)');
    expect(stdout).toContain('Approvals for a scale decision: none beyond the approver’s decision');
    const bad = await cli('gate', file('high.json'), '--governance', file('bad-tiers.json'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('/tiers/0/approvals/0');
  });

  it('shows a case without governance as minimal and low, as before', async () => {
    const { stdout } = await cli('gate', file('plain.json'), '--trials', '500');
    expect(stdout).toContain('EU AI Act category: minimal, no intake answers yet');
    expect(stdout).toContain('Risk tier: low (Low)');
  });
});
