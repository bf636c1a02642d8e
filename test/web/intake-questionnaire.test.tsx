import { cleanup, fireEvent, render, screen, within } from '@solidjs/testing-library';
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { GovernanceSection } from '../../web/src/editor/governance-section.tsx';
import { OVERRIDE_REASON_REQUIRED } from '../../web/src/governance/classification-panel.tsx';
import { createCaseDraft as createUnownedDraft, type CaseDraft } from '../../web/src/stores/case-draft.ts';
import { validateCase } from '../../models/compile/validate-case.ts';
import { guidedCaseDocument } from '../../web/src/lib/guided-case.ts';
import { GUIDED_STEPS, guidedStepProblems } from '../../web/src/lib/guided-steps.ts';
import { minimalCase } from '../helpers/minimal-case.ts';
import { invoiceCopilotAnswers } from './guided-answers-fixture.ts';

const disposers: (() => void)[] = [];
function createCaseDraft(document: Parameters<typeof createUnownedDraft>[0]): CaseDraft {
  return createRoot((dispose) => {
    disposers.push(dispose);
    return createUnownedDraft(document);
  });
}

afterEach(() => {
  cleanup();
  for (const dispose of disposers.splice(0)) dispose();
});

const question = (key: string) => within(document.querySelector(`[data-question="${key}"]`) as HTMLElement);

/** The contact-center assistant's answers: customer-facing drafted replies, personal data, a person sends them. */
function answerContactCenter(): void {
  fireEvent.click(question('decisions').getByLabelText('Customer service'));
  fireEvent.click(question('affected').getByLabelText('Customers'));
  fireEvent.click(question('personalData').getByLabelText('Personal data'));
  fireEvent.click(question('autonomy').getByLabelText('It recommends, a person decides'));
  fireEvent.change(question('euAiActArea').getByRole('combobox'), { target: { value: 'none' } });
  fireEvent.change(question('prohibitedPractice').getByRole('combobox'), { target: { value: 'none' } });
  fireEvent.click(question('interactsWithPeople').getByLabelText('No'));
  fireEvent.click(question('generatesContent').getByLabelText('Yes'));
}

describe('the intake questionnaire in the case editor', () => {
  it('keeps a half-answered intake out of the case, then shows the category and tier with the answers behind them', () => {
    const draft = createCaseDraft(minimalCase());
    render(() => <GovernanceSection draft={draft} />);
    fireEvent.click(question('personalData').getByLabelText('Personal data'));
    expect(screen.getByTestId('intake-left').textContent).toContain('7 of 8 questions left');
    expect(draft.document.governance).toBeUndefined();

    answerContactCenter();
    // Art. 50(2)/(4): generated content reaching customers is a transparency case.
    expect(screen.getByTestId('euAiActCategory-value').textContent).toBe('Transparency obligations (Art. 50)');
    expect(screen.getByTestId('classification-euAiActCategory').textContent).toContain('Art. 50(2)/(4)');
    expect([...screen.getByTestId('euAiActCategory-because').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Generates content that reaches people: Yes',
      'Affected: Customers',
    ]);
    // The default medium tier's first condition is personal data.
    expect(screen.getByTestId('riskTier-value').textContent).toBe('Medium');
    expect([...screen.getByTestId('riskTier-because').querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Personal data: Personal data']);
    expect(draft.document.governance?.intake).toEqual({
      decisions: ['customerService'],
      affected: ['customers'],
      personalData: 'personal',
      autonomy: 'recommends',
      euAiActArea: 'none',
      prohibitedPractice: 'none',
      interactsWithPeople: false,
      generatesContent: true,
    });
    expect(draft.document.governance?.euAiActCategory).toEqual({ value: 'transparency', because: ['generatesContent: yes', 'affected: customers'] });
    expect(draft.validation().issues.under('/governance')).toEqual([]);
  });

  it('refuses an override without a reason and keeps the reason with an accepted one', () => {
    const draft = createCaseDraft(minimalCase());
    render(() => <GovernanceSection draft={draft} />);
    answerContactCenter();
    const tier = within(screen.getByTestId('classification-riskTier'));
    fireEvent.click(tier.getByRole('button', { name: 'Override…' }));
    fireEvent.change(tier.getByLabelText('Risk tier (override)'), { target: { value: 'high' } });
    fireEvent.click(tier.getByRole('button', { name: 'Apply override' }));
    expect(tier.getByRole('alert').textContent).toBe(OVERRIDE_REASON_REQUIRED);
    expect(screen.getByTestId('riskTier-value').textContent).toBe('Medium');
    expect(draft.document.governance?.euAiActCategory?.value).toBe('transparency');
    expect((draft.document.governance as { riskTier?: { overrideReason?: string } }).riskTier?.overrideReason).toBeUndefined();

    fireEvent.input(tier.getByLabelText('Reason for the override (required)'), { target: { value: 'The board wants formal approval for customer-facing AI' } });
    fireEvent.click(tier.getByRole('button', { name: 'Apply override' }));
    expect(screen.getByTestId('riskTier-value').textContent).toBe('High');
    expect(screen.getByTestId('riskTier-override-reason').textContent).toBe('Override reason: The board wants formal approval for customer-facing AI');
    expect(draft.document.governance?.riskTier).toEqual({
      value: 'high',
      because: ['personalData: personal'],
      overrideReason: 'The board wants formal approval for customer-facing AI',
    });

    fireEvent.click(tier.getByRole('button', { name: 'Use the derived value' }));
    expect(draft.document.governance?.riskTier).toEqual({ value: 'medium', because: ['personalData: personal'] });

    // An overridden category moves the derived tier with it, as the server derives it: high-risk is the high tier.
    const category = within(screen.getByTestId('classification-euAiActCategory'));
    fireEvent.click(category.getByRole('button', { name: 'Override…' }));
    fireEvent.change(category.getByLabelText('EU AI Act category (override)'), { target: { value: 'highRisk' } });
    fireEvent.input(category.getByLabelText('Reason for the override (required)'), {
      target: { value: 'Legal reads the routing as access to essential services' },
    });
    fireEvent.click(category.getByRole('button', { name: 'Apply override' }));
    expect(screen.getByTestId('riskTier-value').textContent).toBe('High');
    expect(draft.document.governance?.riskTier).toEqual({ value: 'high', because: ['euAiActCategory: highRisk'] });
    expect(draft.validation().issues.under('/governance')).toEqual([]);
  });
});

describe('the intake in the guided start', () => {
  const intakeStep = GUIDED_STEPS.find((step) => step.id === 'intake')!;

  it('may be skipped whole, but not left half-answered', () => {
    const answers = invoiceCopilotAnswers();
    expect(guidedStepProblems(intakeStep, answers)).toEqual([]);
    expect(guidedCaseDocument(answers).governance).toBeUndefined();
    answers.intake = { decisions: ['financial'] };
    expect(guidedStepProblems(intakeStep, answers)).toHaveLength(1);
    expect(guidedStepProblems(intakeStep, answers)[0]).toContain('Who is affected by its outputs?');
  });

  it('writes a complete intake and its EU AI Act category into the new case', () => {
    const answers = invoiceCopilotAnswers();
    answers.intake = {
      decisions: ['financial'],
      affected: ['businesses'],
      personalData: 'none',
      autonomy: 'recommends',
      euAiActArea: 'none',
      prohibitedPractice: 'none',
      interactsWithPeople: false,
      generatesContent: false,
    };
    const document = guidedCaseDocument(answers);
    expect(document.governance?.euAiActCategory).toEqual({ value: 'minimal', because: ['no prohibited practice, Annex III area or transparency trigger'] });
    expect(document.governance?.riskTier).toBeUndefined();
    expect(validateCase(document).ok).toBe(true);
  });
});
