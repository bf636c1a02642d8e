import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { describeVariantChanges } from '../../web/src/editor/variant-changes.ts';
import { proposeVariantId } from '../../web/src/editor/variant-names.ts';
import { VariantsSection } from '../../web/src/editor/variants-section.tsx';
import { createCaseDraft as createUnownedDraft, type CaseDraft } from '../../web/src/stores/case-draft.ts';
import type { LivePreview, LivePreviewResult } from '../../web/src/stores/live-preview.ts';
import { runSimulation } from '../../web/src/workers/run-simulation.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

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

/** Creates a variant through the form, as a user would. */
function createVariant(label: string): void {
  fireEvent.input(screen.getByLabelText('Name', { selector: '#new-variant-label' }), { target: { value: label } });
  fireEvent.click(screen.getByRole('button', { name: '+ Create variant' }));
}

describe('variant ids and change summaries', () => {
  it('proposes a camel-case id from the label, unique among the ids taken', () => {
    expect(proposeVariantId('Without KB clean-up', [])).toBe('withoutKbCleanUp');
    expect(proposeVariantId('2 agents', [])).toBe('variant2Agents');
    expect(proposeVariantId('Lean', ['lean', 'lean2'])).toBe('lean3');
    expect(proposeVariantId('Équipe réduite', [])).toBe('equipeReduite');
  });

  it('says in words what a variant changes', () => {
    const doc = minimalCase();
    expect(describeVariantChanges(doc, { label: 'x' })).toEqual([]);
    expect(describeVariantChanges(doc, { label: 'x', removeLines: ['run', 'setup'] })).toEqual(['removes the lines "Run", "Setup"']);
  });
});

describe('VariantsSection', () => {
  it('creates a variant with the id proposed from its name, and refuses a name already taken', () => {
    const draft = createCaseDraft(minimalCase());
    render(() => <VariantsSection draft={draft} />);
    fireEvent.input(screen.getByLabelText('Name', { selector: '#new-variant-label' }), { target: { value: 'Without run cost' } });
    expect((screen.getByLabelText('Id (used by the API and the CLI)') as HTMLInputElement).value).toBe('withoutRunCost');
    fireEvent.input(screen.getByLabelText(/^Variant description/, { selector: '#new-variant-description' }), { target: { value: 'No hosting' } });
    fireEvent.click(screen.getByRole('button', { name: '+ Create variant' }));
    expect(draft.document.variants).toEqual({ withoutRunCost: { label: 'Without run cost', description: 'No hosting' } });
    expect(draft.validation().ok).toBe(true);
    expect(screen.getByRole('heading', { name: /Variants \(1\)/ })).toBeTruthy();
    // The new variant opens for editing; it changes nothing yet.
    expect(screen.getByTestId('variant-changes').textContent).toBe('This variant changes nothing yet.');
    // The same id typed again is refused with a message naming it.
    fireEvent.input(screen.getByLabelText('Name', { selector: '#new-variant-label' }), { target: { value: 'Other' } });
    fireEvent.input(screen.getByLabelText('Id (used by the API and the CLI)'), { target: { value: 'withoutRunCost' } });
    fireEvent.click(screen.getByRole('button', { name: '+ Create variant' }));
    expect(screen.getByRole('alert').textContent).toContain('already has a variant with the id "withoutRunCost"');
    expect(Object.keys(draft.document.variants ?? {})).toEqual(['withoutRunCost']);
  });

  it('removes a cost line by its checkbox and renames the variant', () => {
    const draft = createCaseDraft(minimalCase());
    render(() => <VariantsSection draft={draft} />);
    createVariant('Lean');
    fireEvent.click(screen.getByLabelText('Leave out cost: Run'));
    expect(draft.document.variants?.lean.removeLines).toEqual(['run']);
    expect(screen.getByTestId('variant-changes').textContent).toBe('Compared with the case, this variant removes the line "Run".');
    expect(screen.getByTestId('variant-preview').textContent).toContain('This variant simulates');
    fireEvent.click(screen.getByLabelText('Leave out cost: Run'));
    expect(draft.document.variants?.lean.removeLines).toBeUndefined();
    const card = screen.getByRole('group', { name: /Variant: Lean/ });
    fireEvent.input(within(card).getByLabelText('Name'), { target: { value: 'Lean hosting' } });
    expect(draft.document.variants?.lean.label).toBe('Lean hosting');
    expect(draft.validation().ok).toBe(true);
  });

  it('overrides an input starting from the case’s own, edits its distribution, and goes back to the case’s value', () => {
    const draft = createCaseDraft(minimalCase());
    render(() => <VariantsSection draft={draft} />);
    createVariant('Cheaper hosting');
    const inputs = screen.getByTestId('variant-inputs');
    fireEvent.change(within(inputs).getByLabelText('Change an input'), { target: { value: 'runCost' } });
    fireEvent.click(within(inputs).getByRole('button', { name: '+ Change an input' }));
    expect(draft.document.variants?.cheaperHosting.inputs?.runCost).toEqual({ unit: 'EUR/month', source: 'test', distribution: { type: 'fixed', value: 100 } });
    const override = inputs.querySelector('[data-input="runCost"]') as HTMLElement;
    fireEvent.input(within(override).getByLabelText(/^Value/), { target: { value: '40' } });
    expect(draft.document.variants?.cheaperHosting.inputs?.runCost.distribution).toEqual({ type: 'fixed', value: 40 });
    // The case's own input is untouched.
    expect(draft.document.inputs.runCost.distribution).toEqual({ type: 'fixed', value: 100 });
    expect(screen.getByTestId('variant-changes').textContent).toContain('changes the input "runCost"');
    fireEvent.click(within(inputs).getByRole('button', { name: "Use the case's value for runCost" }));
    expect(draft.document.variants?.cheaperHosting.inputs).toBeUndefined();
  });

  it('adds a cost line only the variant has, and says when it does not simulate', () => {
    const draft = createCaseDraft(minimalCase());
    render(() => <VariantsSection draft={draft} />);
    createVariant('With support');
    fireEvent.click(screen.getByRole('button', { name: '+ Add a cost line to this variant' }));
    const added = draft.document.variants?.withSupport.addCosts;
    expect(added).toEqual([{ id: 'withSupportCost', label: 'New cost in this variant', category: 'other', kind: 'monthly', amount: 0 }]);
    const lines = screen.getByTestId('variant-added-lines');
    fireEvent.input(within(lines).getByLabelText(/^Amount per month/), { target: { value: 'supportFee * 2' } });
    expect(screen.getByTestId('variant-preview').textContent).toContain('This variant does not simulate yet');
    expect(screen.getByTestId('variant-preview').textContent).toContain('supportFee');
    fireEvent.input(within(lines).getByLabelText(/^Amount per month/), { target: { value: '250' } });
    expect(draft.document.variants?.withSupport.addCosts?.[0]).toMatchObject({ amount: 250 });
    expect(screen.getByTestId('variant-preview').textContent).toContain('This variant simulates');
  });

  it('names a left-out line the case no longer has, and forgets it on request', () => {
    const draft = createCaseDraft(minimalCase({ variants: { lean: { label: 'Lean', removeLines: ['run', 'hosting'] } } }));
    render(() => <VariantsSection draft={draft} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit variant “Lean”' }));
    expect(screen.getByTestId('variant-preview').textContent).toContain('removes line "hosting", which the case does not have');
    fireEvent.click(screen.getByRole('button', { name: 'Forget it' }));
    expect(draft.document.variants?.lean.removeLines).toEqual(['run']);
    expect(screen.getByTestId('variant-preview').textContent).toContain('This variant simulates');
  });

  it('deletes a variant after asking once more', () => {
    const draft = createCaseDraft(minimalCase({ variants: { lean: { label: 'Lean', removeLines: ['run'] }, big: { label: 'Big' } } }));
    render(() => <VariantsSection draft={draft} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete variant “Lean”' }));
    expect(draft.document.variants?.lean).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    expect(Object.keys(draft.document.variants ?? {})).toEqual(['big']);
    fireEvent.click(screen.getByRole('button', { name: 'Delete variant “Big”' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    expect(draft.document.variants).toBeUndefined();
    expect(draft.validation().ok).toBe(true);
  });

  it("previews the variant's NPV against the case's: leaving out the run cost adds its discounted cost", async () => {
    const doc = minimalCase({ variants: { lean: { label: 'Lean', removeLines: ['run'] } } });
    const draft = createCaseDraft(doc);
    const settings = { trials: 200, seed: 7, sampling: 'lhs' as const };
    const base = await runSimulation({ id: 1, document: doc, ...settings });
    if (!base.ok) throw new Error('base case must simulate');
    const preview = {
      result: () => ({ summary: base.summary, settings }) as LivePreviewResult,
      settings: () => settings,
    } as unknown as LivePreview;
    render(() => <VariantsSection draft={draft} preview={preview} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit variant “Lean”' }));
    // Fixed inputs: every trial is the same, so the difference is 100 EUR a month discounted monthly at 10 % a year.
    let discounted = 0;
    for (let month = 1; month <= 36; month++) discounted += 100 * 1.1 ** (-month / 12);
    const npv = await waitFor(() => screen.getByTestId('variant-npv'));
    expect(npv.textContent).toContain(draft.format().moneySigned(discounted));
    expect(npv.textContent).toContain(draft.format().money(base.summary.outputs.npv.percentiles.p50 + discounted));
    expect(npv.textContent).toContain('not a stored run');
  });
});
