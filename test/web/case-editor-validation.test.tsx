import { cleanup, fireEvent, render, screen, within } from '@solidjs/testing-library';
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { BenefitsSection } from '../../web/src/editor/benefits-section.tsx';
import { CostsSection, hiddenCostCategories } from '../../web/src/editor/costs-section.tsx';
import { InputsSection } from '../../web/src/editor/inputs-section.tsx';
import { OverviewSection } from '../../web/src/editor/overview-section.tsx';
import { createCaseDraft as createUnownedDraft, type CaseDraft } from '../../web/src/stores/case-draft.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

/**
 * The draft's memos need an owner, as the case session gives them in the app: a root
 * per draft, disposed after the test (else Solid warns they will never be disposed).
 */
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

describe('case editor validation (validateCase issue paths → inline errors)', () => {
  it('puts a formula error on the benefit line whose formula is wrong', () => {
    const draft = createCaseDraft(minimalCase());
    render(() => <BenefitsSection draft={draft} />);
    expect(draft.validation().ok).toBe(true);
    const amount = screen.getByLabelText(/Gross amount per month/);
    fireEvent.input(amount, { target: { value: 'benefitPerMnth * 12' } });
    expect(draft.validation().ok).toBe(false);
    expect(draft.validation().issues.at('/benefits/0/amount')[0].hint).toBe('benefitPerMonth');
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(amount.getAttribute('aria-describedby')!)!.textContent).toContain('did you mean "benefitPerMonth"?');
    // The section heading counts the problem in words.
    expect(screen.getByRole('heading', { name: /Benefit lines/ }).textContent).toContain('1 problem');
  });

  it('warns on the benefit line that counts adoption twice, and the warning goes when the line stops scaling', () => {
    const draft = createCaseDraft(minimalCase());
    render(() => <BenefitsSection draft={draft} />);
    expect(screen.queryByTestId('benefit-warning')).toBeNull();
    fireEvent.input(screen.getByLabelText(/Gross amount per month/), { target: { value: 'benefitPerMonth * adoption' } });
    // minimalCase's line does not scale by adoption: using adoption once is fine.
    expect(screen.queryByTestId('benefit-warning')).toBeNull();
    fireEvent.change(screen.getByLabelText('Scale by the adoption curve'), { target: { checked: true } });
    expect(draft.validation().ok).toBe(true);
    expect(screen.getByTestId('benefit-warning').textContent).toContain('adoption is counted twice in benefit "flat"');
  });

  it('rejects a month beyond the horizon on that line', () => {
    const draft = createCaseDraft(minimalCase());
    render(() => <BenefitsSection draft={draft} />);
    fireEvent.input(screen.getByLabelText('From month (optional)'), { target: { value: '40' } });
    const from = screen.getByLabelText('From month (optional)');
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(from.getAttribute('aria-describedby')!)!.textContent).toContain('beyond the 36-month horizon');
  });

  it('shows an input distribution error inside that input, with a labelled field', () => {
    const draft = createCaseDraft(minimalCase());
    draft.update('/inputs/runCost/distribution', { type: 'uniform', min: 200, max: 100 });
    render(() => <InputsSection draft={draft} />);
    const card = document.querySelector('details[data-input="runCost"]') as HTMLElement;
    expect(card.classList.contains('has-problems')).toBe(true);
    expect(within(card).getByText('1 problem')).toBeTruthy();
    const max = within(card).getByLabelText('Maximum');
    expect(max.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(max.getAttribute('aria-describedby')!)!.textContent).toContain('max must be greater than min');
    expect(within(card).getByTestId('range-runCost').textContent).toBe('invalid distribution');
    expect(document.body.textContent).not.toContain('Chart unavailable');
  });

  it('lets an input go without a unit (a warning, not an error), so the draft still saves and runs', () => {
    const draft = createCaseDraft(minimalCase());
    render(() => <InputsSection draft={draft} />);
    const card = document.querySelector('details[data-input="setupCost"]') as HTMLElement;
    fireEvent.input(within(card).getByLabelText('Unit'), { target: { value: '' } });
    expect(within(card).getByLabelText('Unit').getAttribute('aria-invalid')).toBe('false');
    expect(draft.validation().ok).toBe(true);
    expect(draft.validation().warnings).toContainEqual({
      path: '/inputs/setupCost/unit',
      message: `input 'setupCost' has no unit: say how it is counted, e.g. "EUR/hour" or "tickets/month"`,
    });
    // A chart failure would say so in the card; none of the previews may fail.
    expect(document.body.textContent).not.toContain('Chart unavailable');
  });

  it('warns about hidden costs: taxonomy categories with no cost line', () => {
    const draft = createCaseDraft(minimalCase());
    render(() => <CostsSection draft={draft} />);
    const warning = screen.getByTestId('hidden-costs');
    expect(warning.textContent).toContain('no cost line in 7 categories');
    expect(warning.textContent).toContain('Security & privacy');
    expect(warning.textContent).not.toContain('Integration');
    fireEvent.click(within(warning).getAllByRole('button', { name: 'add a line' })[0]);
    expect(screen.getByTestId('hidden-costs').textContent).toContain('no cost line in 6 categories');
    expect(hiddenCostCategories(draft.snapshot().costs)).not.toContain('data');
  });

  it('shows the engine warning when the business owner is the sponsor', () => {
    const draft = createCaseDraft(minimalCase({ ownership: { businessOwner: 'COO', sponsor: 'COO' } }));
    render(() => <OverviewSection draft={draft} />);
    expect(screen.getByText(/the business owner is the sponsor/)).toBeTruthy();
  });
});
