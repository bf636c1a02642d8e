import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { createRoot, type Component } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BaselineSection } from '../../web/src/editor/baseline-section.tsx';
import { BenefitsSection } from '../../web/src/editor/benefits-section.tsx';
import { CorrelationsSection } from '../../web/src/editor/correlations-section.tsx';
import { CostsSection } from '../../web/src/editor/costs-section.tsx';
import { InputsSection } from '../../web/src/editor/inputs-section.tsx';
import { PilotSection } from '../../web/src/editor/pilot-section.tsx';
import { ReadinessSection } from '../../web/src/editor/readiness-section.tsx';
import { VariablesSection } from '../../web/src/editor/variables-section.tsx';
import { appendAt, ensureAt, setAtMutable } from '../../web/src/lib/json-pointer.ts';
import type { CaseDocument } from '../../web/src/lib/api-types.ts';
import { createCaseDraft as createUnownedDraft, type CaseDraft } from '../../web/src/stores/case-draft.ts';

const disposers: (() => void)[] = [];
function createCaseDraft(document: unknown): CaseDraft {
  return createRoot((dispose) => {
    disposers.push(dispose);
    return createUnownedDraft(document as CaseDocument);
  });
}

// An exception in a click handler does not reach fireEvent: jsdom reports it as a window error.
let uncaught: unknown[] = [];
const collect = (event: ErrorEvent) => {
  uncaught.push(event.error);
  event.preventDefault();
};
beforeEach(() => {
  uncaught = [];
  window.addEventListener('error', collect);
});
afterEach(() => {
  window.removeEventListener('error', collect);
  cleanup();
  for (const dispose of disposers.splice(0)) dispose();
});

/** A draft holding a name only: the smallest document the API accepts as a new draft. */
const NAME_ONLY = { formatVersion: 1, name: 'Invoice-matching copilot' };

describe('every "Add" works from a draft with missing parents (issue 16)', () => {
  it('adds a baseline metric after only the baseline description was typed (was: reading "push")', () => {
    const draft = createCaseDraft(NAME_ONLY);
    render(() => <BaselineSection draft={draft} />);
    fireEvent.input(screen.getByLabelText(/Baseline description/), { target: { value: 'Invoices are matched by hand' } });
    expect(draft.document.baseline).toEqual({ description: 'Invoices are matched by hand' });
    fireEvent.click(screen.getByRole('button', { name: '+ Add baseline metric' }));
    expect(uncaught).toEqual([]);
    expect(draft.document.baseline?.metrics).toHaveLength(1);
    expect(draft.document.baseline?.metrics[0].id).toBe('metric1');
    expect(draft.document.baseline?.description).toBe('Invoices are matched by hand');
    expect(screen.getByText(/Baseline metric 1: New metric/)).toBeTruthy();
  });

  it('adds an expected change when the baseline has no metrics list (was: reading "0")', () => {
    const draft = createCaseDraft(NAME_ONLY);
    render(() => <BaselineSection draft={draft} />);
    fireEvent.input(screen.getByLabelText(/Baseline description/), { target: { value: 'Invoices are matched by hand' } });
    fireEvent.click(screen.getByRole('button', { name: '+ Add expected change' }));
    expect(uncaught).toEqual([]);
    expect(draft.document.valueHypothesis?.expectedChanges).toEqual([{ metric: 'metric1', expected: 0 }]);
    expect(screen.getByRole('table', { name: 'Expected changes after launch' })).toBeTruthy();
    // Then a metric, then a second change that points at it.
    fireEvent.click(screen.getByRole('button', { name: '+ Add baseline metric' }));
    fireEvent.click(screen.getByRole('button', { name: '+ Add expected change' }));
    expect(uncaught).toEqual([]);
    expect(draft.document.valueHypothesis?.expectedChanges).toHaveLength(2);
  });

  it('correlates two inputs when the correlations had no matrix, and a cell edit keeps the matrix symmetric', () => {
    const draft = createCaseDraft({ ...NAME_ONLY, inputs: { a: {}, b: {} }, correlations: { inputs: ['a'] } });
    render(() => <CorrelationsSection draft={draft} />);
    fireEvent.click(screen.getByLabelText('b'));
    expect(draft.document.correlations).toEqual({
      inputs: ['a', 'b'],
      matrix: [
        [1, 0],
        [0, 1],
      ],
    });
    fireEvent.change(screen.getByLabelText('Correlation of a with b'), { target: { value: '0,5' } });
    expect(draft.document.correlations?.matrix).toEqual([
      [1, 0.5],
      [0.5, 1],
    ]);
    expect(uncaught).toEqual([]);
  });

  it('adds a change when the value hypothesis has a statement but no list', () => {
    const draft = createCaseDraft({ ...NAME_ONLY, valueHypothesis: { statement: 'Clerks match faster' } });
    render(() => <BaselineSection draft={draft} />);
    fireEvent.click(screen.getByRole('button', { name: '+ Add expected change' }));
    expect(uncaught).toEqual([]);
    expect(draft.document.valueHypothesis).toEqual({ statement: 'Clerks match faster', expectedChanges: [{ metric: 'metric1', expected: 0 }] });
  });

  /** Every section, each in documents where the parents of what its buttons add are missing or half there. */
  const SWEEP: [string, Component<{ draft: CaseDraft }>, unknown[]][] = [
    ['baseline', BaselineSection, [NAME_ONLY, { ...NAME_ONLY, baseline: {} }, { ...NAME_ONLY, valueHypothesis: {} }]],
    ['benefits', BenefitsSection, [NAME_ONLY]],
    ['costs', CostsSection, [NAME_ONLY]],
    ['pilot', PilotSection, [NAME_ONLY, { ...NAME_ONLY, pilot: { durationMonths: 3, scopeShare: 0.1 } }]],
    ['readiness', ReadinessSection, [NAME_ONLY, { ...NAME_ONLY, readiness: {} }]],
    ['inputs', InputsSection, [NAME_ONLY, { ...NAME_ONLY, inputs: { halfTyped: { label: 'Half typed' } } }]],
    ['variables', VariablesSection, [NAME_ONLY]],
    ['correlations', CorrelationsSection, [{ ...NAME_ONLY, inputs: { a: {}, b: {} }, correlations: { inputs: ['a'] } }]],
  ];

  for (const [section, Section, documents] of SWEEP) {
    it(`${section}: every + button adds, and every Remove removes, without an error`, () => {
      for (const document of documents) {
        const draft = createCaseDraft(document);
        const { unmount } = render(() => <Section draft={draft} />);
        for (const field of screen.queryAllByLabelText(/New (input|variable) name/)) fireEvent.input(field, { target: { value: 'newName' } });
        const adds = screen.queryAllByRole('button').filter((button) => /^\+ /.test(button.textContent ?? '') || /add a line/.test(button.textContent ?? ''));
        const before = JSON.stringify(draft.snapshot());
        for (const checkbox of screen.queryAllByRole('checkbox')) fireEvent.click(checkbox);
        for (const add of adds) if (add.isConnected) fireEvent.click(add);
        expect(uncaught, `${section} in ${JSON.stringify(document)}`).toEqual([]);
        expect(JSON.stringify(draft.snapshot()), `${section}: an Add changed nothing`).not.toBe(before);
        // And every Remove button of what was added.
        for (let guard = 0; guard < 50; guard++) {
          const remove = screen.queryAllByRole('button').find((button) => /^Remove/.test(button.textContent ?? ''));
          if (!remove) break;
          fireEvent.click(remove);
        }
        expect(uncaught, `${section}: removing`).toEqual([]);
        unmount();
      }
    });
  }
});

describe('json-pointer: the draft helpers create missing parents', () => {
  it('appendAt creates the array and its parents and returns the index', () => {
    const doc: Record<string, unknown> = { baseline: { description: 'x' } };
    expect(appendAt(doc, '/baseline/metrics', { id: 'a' })).toBe(0);
    expect(appendAt(doc, '/baseline/metrics', { id: 'b' })).toBe(1);
    expect(doc).toEqual({ baseline: { description: 'x', metrics: [{ id: 'a' }, { id: 'b' }] } });
  });

  it('ensureAt replaces a value of the wrong kind in the way and keeps the right one', () => {
    const doc: Record<string, unknown> = { pilot: { costs: 'none' } };
    ensureAt(doc, '/pilot/costs', 'array').push(1);
    expect(doc).toEqual({ pilot: { costs: [1] } });
    ensureAt(doc, '/pilot/costs', 'array').push(2);
    expect(doc).toEqual({ pilot: { costs: [1, 2] } });
  });

  it('setAtMutable creates arrays for numeric keys, and deleting where nothing is creates nothing', () => {
    const doc: Record<string, unknown> = {};
    setAtMutable(doc, '/readiness/productionData/0/status', 'met');
    expect(doc).toEqual({ readiness: { productionData: [{ status: 'met' }] } });
    setAtMutable(doc, '/baseline/metrics/0', undefined);
    expect(doc).toEqual({ readiness: { productionData: [{ status: 'met' }] } });
    setAtMutable(doc, '/readiness/productionData/0', undefined);
    expect(doc).toEqual({ readiness: { productionData: [] } });
  });
});
