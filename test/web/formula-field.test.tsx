import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { validateCase } from '../../models/compile/validate-case.ts';
import { FormulaField } from '../../web/src/components/formula-field.tsx';
import { indexIssues } from '../../web/src/lib/case-issues.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

afterEach(cleanup);

/** A formula field wired to the engine: its issues come from validateCase on the edited case. */
function renderBenefitAmount(initial: string) {
  const [amount, setAmount] = createSignal<string | number>(initial);
  const issues = () => {
    const result = validateCase(minimalCase({ benefits: [{ id: 'flat', label: 'Flat benefit', amount: amount(), scaleByAdoption: false }] }));
    return indexIssues(result.ok ? [] : result.issues);
  };
  render(() => (
    <FormulaField label="Gross amount per month" value={amount()} onChange={setAmount} pointer="/benefits/0/amount" issues={issues()} unit="EUR/month" />
  ));
  return amount;
}

describe('FormulaField', () => {
  it('shows the engine error for an unknown name with its hint, tied to the field', () => {
    renderBenefitAmount('benefitPerMonht * 2');
    const field = screen.getByLabelText(/Gross amount per month/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(field.getAttribute('aria-describedby')!)!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('unknown name "benefitPerMonht"');
    expect(error.textContent).toContain('did you mean "benefitPerMonth"?');
  });

  it('applies the suggested name in one click, which clears the error', () => {
    const amount = renderBenefitAmount('benefitPerMonht * 2');
    fireEvent.click(screen.getByRole('button', { name: 'Use "benefitPerMonth"' }));
    expect(amount()).toBe('benefitPerMonth * 2');
    expect(screen.getByLabelText(/Gross amount per month/).getAttribute('aria-invalid')).toBe('false');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a syntax error as the engine words it', () => {
    renderBenefitAmount('benefitPerMonth * (2');
    expect(screen.getByRole('alert').textContent).toMatch(/syntax error.*Parenthesis \) expected/);
  });

  it('stores a plain number as a number and a formula as text', () => {
    const amount = renderBenefitAmount('benefitPerMonth');
    fireEvent.input(screen.getByLabelText(/Gross amount per month/), { target: { value: '1250' } });
    expect(amount()).toBe(1250);
    fireEvent.input(screen.getByLabelText(/Gross amount per month/), { target: { value: 'benefitPerMonth * 1.1' } });
    expect(amount()).toBe('benefitPerMonth * 1.1');
  });
});
