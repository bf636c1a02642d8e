import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseInput } from '../../models/case/case-schema.ts';
import { CostsSection, costLineSummary, uniqueId } from '../../web/src/editor/costs-section.tsx';
import { createCaseDraft, type CaseDraft } from '../../web/src/stores/case-draft.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

const disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const dispose of disposers.splice(0)) dispose();
});
function draftWith(costs: CaseInput['costs']): CaseDraft {
  return createRoot((dispose) => {
    disposers.push(dispose);
    return createCaseDraft(minimalCase({ costs }));
  });
}
const monthly = (n: number): CaseInput['costs'][number] => ({ id: `run${n}`, label: `Run ${n}`, category: 'infrastructure', kind: 'monthly', amount: 100 * n });
const money = (amount: number) => `€${amount}`;

describe('cost line cards (issue 16: nine lines made a 3,200-pixel column)', () => {
  it('summarises each kind in one line', () => {
    expect(costLineSummary({ id: 'a', label: 'A', category: 'integration', kind: 'oneTime', month: 2, amount: 12000 }, money)).toBe('€12000 in month 2');
    expect(costLineSummary({ id: 'b', label: 'B', category: 'infrastructure', kind: 'monthly', amount: 'runCost', fromMonth: 4 }, money)).toBe(
      'runCost per month, months 4–end',
    );
    expect(costLineSummary({ id: 'c', label: 'C', category: 'infrastructure', kind: 'perUnit', volume: 'docs', unitCost: 0.02 }, money)).toBe(
      'docs × €0.02 per month',
    );
  });

  it('gives a new line the first free id', () => {
    expect(uniqueId('integration', [{ id: 'integration1' }, { id: 'setup' }])).toBe('integration3');
  });

  it('keeps every card open up to four lines', () => {
    render(() => <CostsSection draft={draftWith([1, 2, 3, 4].map(monthly))} />);
    expect(document.querySelectorAll('details.cost-card[open]').length).toBe(4);
  });

  it('collapses cards from five lines on, but opens a new line, a line with a problem, and all on request', async () => {
    const draft = draftWith([1, 2, 3, 4, 5].map(monthly));
    render(() => <CostsSection draft={draft} />);
    expect(document.querySelectorAll('details.cost-card').length).toBe(5);
    expect(document.querySelectorAll('details.cost-card[open]').length).toBe(0);
    expect(document.querySelector('details[data-line="run2"] summary')!.textContent).toBe('Run 2run2€200 per month');
    fireEvent.click(screen.getByRole('button', { name: '+ Add infrastructure & inference cost' }));
    expect([...document.querySelectorAll('details.cost-card[open]')].map((card) => card.getAttribute('data-line'))).toEqual(['infrastructure6']);
    draft.update('/costs/0/amount', 'unknownThing');
    expect(document.querySelector('details[data-line="run1"]')!.hasAttribute('open')).toBe(true);
    expect(document.querySelector('details[data-line="run1"] summary')!.textContent).toContain('1 problem');
    // Fixed while typing, the card does not fold away under the cursor.
    await new Promise((resolve) => setTimeout(resolve, 0));
    draft.update('/costs/0/amount', 'unknownThing2');
    draft.update('/costs/0/amount', 100);
    expect(document.querySelector('details[data-line="run1"]')!.hasAttribute('open')).toBe(true);
    draft.update('/costs/0/amount', 'unknownThing');
    fireEvent.click(screen.getByRole('button', { name: 'Expand all cost lines' }));
    expect(document.querySelectorAll('details.cost-card[open]').length).toBe(6);
    await new Promise((resolve) => setTimeout(resolve, 0));
    fireEvent.click(screen.getByRole('button', { name: 'Collapse all' }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // A line with a problem stays open.
    expect([...document.querySelectorAll('details.cost-card[open]')].map((card) => card.getAttribute('data-line'))).toEqual(['run1']);
  });
});
