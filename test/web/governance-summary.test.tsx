import { cleanup, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseGovernanceResource } from '../../models/contract/governance-resources.ts';
import { DEFAULT_RISK_TIERS } from '../../models/governance/risk-tiers.ts';
import { GovernanceSummary } from '../../web/src/components/governance-summary.tsx';
import { becauseInWords } from '../../web/src/lib/governance-words.ts';

const high = DEFAULT_RISK_TIERS.find((tier) => tier.id === 'high')!;
const prohibited: CaseGovernanceResource = {
  caseId: 'case-1',
  caseVersion: 1,
  intake: null,
  euAiActCategory: {
    value: 'prohibited',
    derived: 'prohibited',
    article: 'Art. 5(1)(f) (emotion recognition at work or in education)',
    because: ['prohibitedPractice: emotionRecognitionAtWorkOrSchool'],
    overridden: false,
    overrideReason: null,
  },
  riskTier: { value: 'high', label: 'High', derived: 'high', because: ['euAiActCategory: prohibited'], overridden: false, overrideReason: null, rules: high },
  accountability: {
    businessOwner: 'Lena Vogt',
    sponsor: 'Marc Dubois',
    riskOwner: null,
    mayStop: [],
    monitoringOwner: null,
    missing: ['riskOwner', 'mayStop', 'monitoringOwner'],
  },
  lifecycle: { stage: 'pilot', drifting: true, daysInStage: 120, because: 'simulated, not yet through the gate' },
  issues: [],
};

afterEach(cleanup);

describe('the risk classification on the gate page', () => {
  it("shows a prohibited case's article and reason, and what the tier requires", () => {
    render(() => (
      <GovernanceSummary governance={prohibited} itemName={(id) => (id === 'gr-risk-assessment' ? 'AI risk assessment done (gr-risk-assessment)' : id)} />
    ));
    expect(screen.getByTestId('prohibited-reason').textContent).toBe(
      'Prohibited under the EU AI Act, Art. 5(1)(f) (emotion recognition at work or in education). This case can never be recommended or decided scale. Because: Prohibited practice: emotion recognition at work or school.',
    );
    const requires = screen.getByTestId('tier-requires').textContent ?? '';
    expect(requires).toContain('Mandatory checklist items: AI risk assessment done (gr-risk-assessment); ');
    expect(requires).toContain('A scale decision needs the approval of: business owner, risk owner, an approver, each a different person.');
    expect(requires).toContain('Post-launch review every month.');
    expect(screen.getByTestId('lifecycle-stage').textContent).toContain('⚠ drifting');
    expect(screen.getByTestId('accountability-missing').textContent).toBe(
      'Accountability not yet named: risk owner, who may stop the project, monitoring owner.',
    );
  });

  it('words the classifier’s answers', () => {
    expect(becauseInWords('affected: customers, vulnerableGroups')).toBe('Who is affected: customers, vulnerable groups');
    expect(becauseInWords('generatesContent: yes')).toBe('Generates content: yes');
    expect(becauseInWords('no prohibited practice, Annex III area or transparency trigger')).toBe(
      'no prohibited practice, Annex III area or transparency trigger',
    );
  });
});
