import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGuidedState, type GuidedState } from '../../web/src/guided/guided-state.ts';
import { GuidedWizard } from '../../web/src/guided/guided-wizard.tsx';
import type { GuidedAnswers } from '../../web/src/lib/guided-answers.ts';
import { GUIDED_STEPS } from '../../web/src/lib/guided-steps.ts';
import { invoiceCopilotAnswers } from './guided-answers-fixture.ts';

const disposers: (() => void)[] = [];
function state(start?: GuidedAnswers): GuidedState {
  return createRoot((dispose) => {
    disposers.push(dispose);
    return createGuidedState('2026-12-07', start);
  });
}

afterEach(() => {
  cleanup();
  for (const dispose of disposers.splice(0)) dispose();
});

const title = () => screen.getByRole('heading', { level: 2 }).textContent;
const next = () => fireEvent.click(screen.getByRole('button', { name: 'Next →' }));

describe('guided start wizard', () => {
  it('refuses Next on a blank required field, naming it by label, and moves on once it is filled', () => {
    const s = state();
    render(() => <GuidedWizard state={s} onCreate={() => undefined} />);
    expect(title()).toBe('The use case');
    expect(screen.getByTestId('guided-progress').textContent).toBe(`Step 1 of ${GUIDED_STEPS.length}`);
    expect(screen.getByRole('button', { name: '← Back' }).hasAttribute('disabled')).toBe(true);
    next();
    expect(title()).toBe('The use case');
    const problems = screen.getByTestId('step-problems');
    expect(problems.getAttribute('role')).toBe('alert');
    expect(problems.textContent).toContain('Use case name is required');
    expect(problems.textContent).toContain('Process it changes is required');

    fireEvent.input(screen.getByLabelText('Use case name'), { target: { value: 'Invoice-matching copilot' } });
    // The list follows the answers: the name is no longer named.
    expect(screen.getByTestId('step-problems').textContent).not.toContain('Use case name');
    next();
    expect(title()).toBe('The use case');
    fireEvent.input(screen.getByLabelText('Process it changes'), { target: { value: 'Accounts-payable matching' } });
    next();
    expect(title()).toBe('Business owner and sponsor');
    expect(screen.queryByTestId('step-problems')).toBeNull();
    expect(screen.getByTestId('guided-progress').textContent).toBe(`Step 2 of ${GUIDED_STEPS.length}`);
    expect(screen.getByText(/distinct|usually different people/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '← Back' }));
    expect(title()).toBe('The use case');
    expect((screen.getByLabelText('Use case name') as HTMLInputElement).value).toBe('Invoice-matching copilot');
  });

  it('refuses a cost category left blank, and a "none" without a reason', () => {
    const answers = invoiceCopilotAnswers();
    answers.costs.data = { answer: '', reason: '' };
    const s = state(answers);
    render(() => <GuidedWizard state={s} onCreate={() => undefined} />);
    while (title() !== 'Production cost: Data (preparation, quality, ownership)') next();
    next();
    expect(title()).toBe('Production cost: Data (preparation, quality, ownership)');
    expect(screen.getByTestId('step-problems').textContent).toContain('it cannot be left blank');
    fireEvent.click(screen.getByLabelText(/None: this case has no/));
    next();
    expect(screen.getByTestId('step-problems').textContent).toContain('Why none is required');
    fireEvent.input(screen.getByLabelText('Why none'), { target: { value: 'ERP master data as it is' } });
    next();
    expect(title()).toBe('Production cost: Security & privacy');
    expect(s.answers.costs.data).toMatchObject({ answer: 'none', reason: 'ERP master data as it is' });
  });

  it('steps through every screen of complete answers to the review and creates the case', () => {
    const onCreate = vi.fn();
    const s = state(invoiceCopilotAnswers());
    render(() => <GuidedWizard state={s} onCreate={onCreate} />);
    const seen: string[] = [];
    for (let i = 0; i < GUIDED_STEPS.length - 1; i++) {
      seen.push(title()!);
      next();
    }
    expect(seen).toEqual(GUIDED_STEPS.slice(0, -1).map((step) => step.title));
    expect(title()).toBe('Review and create');
    expect(screen.getByTestId('guided-review').textContent).toContain('Security & privacy: none: Runs inside the ERP tenant under its controls');
    expect(screen.getByTestId('guided-review').textContent).toContain('Integration: 60,000 EUR one-time (month 1)');
    fireEvent.click(screen.getByRole('button', { name: 'Create case' }));
    expect(onCreate).toHaveBeenCalledTimes(1);
  });

  it('clears a number when its box is emptied, so the check names it, and reads percent boxes in percent', () => {
    const s = state(invoiceCopilotAnswers());
    render(() => <GuidedWizard state={s} onCreate={() => undefined} />);
    while (title() !== 'Currency, start and horizon') next();
    fireEvent.input(screen.getByLabelText('Horizon'), { target: { value: '' } });
    next();
    expect(title()).toBe('Currency, start and horizon');
    expect(screen.getByTestId('step-problems').textContent).toBe('Before you go on:Horizon is required: enter a number.');
    fireEvent.input(screen.getByLabelText('Horizon'), { target: { value: '48' } });
    expect(s.answers.horizonMonths).toBe(48);
    // A box in percent takes "8,5%" as 8.5, not 0.085.
    fireEvent.input(screen.getByLabelText('Discount rate'), { target: { value: '8,5%' } });
    expect(s.answers.discountRatePercent).toBe(8.5);
  });
});
