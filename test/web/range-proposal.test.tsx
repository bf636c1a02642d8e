import { cleanup, fireEvent, render, screen, within } from '@solidjs/testing-library';
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { BenefitsSection } from '../../web/src/editor/benefits-section.tsx';
import { CostsSection } from '../../web/src/editor/costs-section.tsx';
import { PilotSection } from '../../web/src/editor/pilot-section.tsx';
import { inputNameProblem, proposeInputName } from '../../web/src/editor/range-input.ts';
import { createCaseDraft, type CaseDraft } from '../../web/src/stores/case-draft.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

const disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const dispose of disposers.splice(0)) dispose();
});
function draftOf(document = minimalCase({ benefits: [{ id: 'clerk', label: 'Clerk time', amount: 'benefitPerMonth', scaleByAdoption: false }] })): CaseDraft {
  return createRoot((dispose) => {
    disposers.push(dispose);
    return createCaseDraft(document);
  });
}

describe('proposeInputName', () => {
  it('makes a formula name from the label, unique among the names in use', () => {
    expect(proposeInputName('Clerk time', [])).toBe('clerk_time');
    expect(proposeInputName('Clerk time', ['clerk_time', 'clerk_time_2'])).toBe('clerk_time_3');
    expect(proposeInputName('Intégration (build) – 2025', [])).toBe('integration_build_2025');
    expect(proposeInputName('2nd line support', [])).toBe('input_2nd_line_support');
    // The formula language's own names are taken too (completions list functions as "min(").
    expect(proposeInputName('Min', ['min('])).toBe('min_2');
  });

  it('checks an edited name', () => {
    expect(inputNameProblem('clerk_time', ['benefitPerMonth'])).toBeNull();
    expect(inputNameProblem('2x', [])).toBe('Name of the new input: start with a letter and use only letters, digits and _');
    expect(inputNameProblem('benefitPerMonth', ['benefitPerMonth'])).toContain('"benefitPerMonth" is already used');
  });
});

describe('a range typed in an amount becomes a named input (issue 16)', () => {
  it('offers "5 to 10" as a lognormal input named after the line, and creates it in one click', () => {
    const draft = draftOf();
    render(() => <BenefitsSection draft={draft} />);
    const amount = screen.getByLabelText(/Gross amount per month/) as HTMLInputElement;
    fireEvent.input(amount, { target: { value: '5 to 10' } });
    const proposal = screen.getByTestId('range-proposal');
    expect(proposal.textContent).toContain('lognormal, 90 % between 5 and 10');
    expect((within(proposal).getByLabelText('Create input') as HTMLInputElement).value).toBe('clerk_time');
    // The offer explains the text: no formula error repeats it.
    expect(amount.getAttribute('aria-invalid')).toBe('false');
    fireEvent.click(within(proposal).getByRole('button', { name: 'Create' }));
    expect(draft.document.inputs.clerk_time).toEqual({ label: 'Clerk time', unit: 'EUR/month', distribution: { type: 'lognormal', p5: 5, p95: 10 } });
    expect(draft.document.benefits[0].amount).toBe('clerk_time');
    expect(amount.value).toBe('clerk_time');
    expect(screen.queryByTestId('range-proposal')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Created input clerk_time');
  });

  it('takes an edited name, and refuses one already in use', () => {
    const draft = draftOf();
    render(() => <BenefitsSection draft={draft} />);
    fireEvent.input(screen.getByLabelText(/Gross amount per month/), { target: { value: '3, 5, 9' } });
    const name = screen.getByLabelText('Create input');
    fireEvent.input(name, { target: { value: 'benefitPerMonth' } });
    expect(screen.getByRole('alert').textContent).toContain('"benefitPerMonth" is already used');
    expect((screen.getByRole('button', { name: 'Create' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(name, { target: { value: 'minutes_saved' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(draft.document.inputs.minutes_saved.distribution).toEqual({ type: 'pert', min: 3, mode: 5, max: 9 });
    expect(draft.document.benefits[0].amount).toBe('minutes_saved');
  });

  it('"Keep as formula" leaves the text and shows the formula’s own error', () => {
    const draft = draftOf();
    render(() => <BenefitsSection draft={draft} />);
    const amount = screen.getByLabelText(/Gross amount per month/);
    fireEvent.input(amount, { target: { value: '~8 ±20%' } });
    expect(screen.getByTestId('range-proposal').textContent).toContain('lognormal, 90 % between 6.4 and 9.6');
    fireEvent.click(screen.getByRole('button', { name: 'Keep as formula' }));
    expect(screen.queryByTestId('range-proposal')).toBeNull();
    expect(draft.document.benefits[0].amount).toBe('~8 ±20%');
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(Object.keys(draft.document.inputs)).toEqual(['benefitPerMonth', 'setupCost', 'runCost']);
  });

  it('says on blur why "10 to 5" cannot be used, and leaves a formula such as "benefitPerMonth * 3" alone', () => {
    const draft = draftOf();
    render(() => <BenefitsSection draft={draft} />);
    const amount = screen.getByLabelText(/Gross amount per month/);
    fireEvent.input(amount, { target: { value: '10 to 5' } });
    expect(screen.queryByTestId('range-proposal')).toBeNull();
    fireEvent.blur(amount);
    expect(screen.getByTestId('range-proposal').textContent).toContain('the low end (10) must be below the high end (5)');
    fireEvent.input(amount, { target: { value: 'benefitPerMonth * 3' } });
    expect(screen.queryByTestId('range-proposal')).toBeNull();
    expect(draft.document.benefits[0].amount).toBe('benefitPerMonth * 3');
  });

  it('works in a per-unit cost line’s volume and unit cost, and in a pilot cost', () => {
    const draft = draftOf(
      minimalCase({
        costs: [{ id: 'tokens', label: 'Inference tokens', category: 'infrastructure', kind: 'perUnit', volume: 1000, unitCost: 0.02 }],
        pilot: { durationMonths: 3, scopeShare: 0.1, costs: [{ label: 'Sandbox licence', category: 'infrastructure', amount: 900 }] },
      }),
    );
    render(() => (
      <>
        <CostsSection draft={draft} />
        <PilotSection draft={draft} />
      </>
    ));
    fireEvent.input(screen.getByLabelText('Volume per month'), { target: { value: '800 to 1500' } });
    expect((screen.getByLabelText('Create input') as HTMLInputElement).value).toBe('inference_tokens_volume');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    fireEvent.input(screen.getByLabelText(/Unit cost/), { target: { value: '0,01 to 0,03' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(draft.document.costs[0]).toMatchObject({ volume: 'inference_tokens_volume', unitCost: 'inference_tokens_unit_cost' });
    expect(draft.document.inputs.inference_tokens_unit_cost).toMatchObject({ unit: 'EUR/unit', distribution: { type: 'lognormal', p5: 0.01, p95: 0.03 } });
    fireEvent.input(screen.getByLabelText('Pilot cost 1 amount'), { target: { value: '-100 to 900' } });
    expect(screen.getByTestId('range-proposal').textContent).toContain('normal, 90 % between -100 and 900');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(draft.document.pilot?.costs[0].amount).toBe('pilot_sandbox_licence');
  });
});
