import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { createRoot, createSignal } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { NumberField } from '../../web/src/components/number-field.tsx';
import { OverviewSection } from '../../web/src/editor/overview-section.tsx';
import { createCaseDraft, type CaseDraft } from '../../web/src/stores/case-draft.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

const disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const dispose of disposers.splice(0)) dispose();
});
function draftOf(): CaseDraft {
  return createRoot((dispose) => {
    disposers.push(dispose);
    return createCaseDraft(minimalCase());
  });
}

/** Types as a keyboard does: one input event per key, each with the text so far. */
function typeKeys(field: HTMLInputElement, keys: string[]): void {
  for (const key of keys) {
    const next = key === 'Backspace' ? field.value.slice(0, -1) : field.value + key;
    fireEvent.input(field, { target: { value: next } });
  }
}

describe('NumberField keeps what the user typed (issue 16)', () => {
  it('36 → End, Backspace ×2, type 48 gives 48, not 348', () => {
    const draft = draftOf();
    render(() => <OverviewSection draft={draft} />);
    const horizon = screen.getByLabelText('Horizon') as HTMLInputElement;
    expect(horizon.value).toBe('36');
    horizon.focus();
    typeKeys(horizon, ['Backspace', 'Backspace']);
    expect(horizon.value).toBe('');
    typeKeys(horizon, ['4', '8']);
    expect(horizon.value).toBe('48');
    expect(draft.document.horizonMonths).toBe(48);
  });

  it('a cleared required field stays empty, is removed from the draft, and says "required" by label on blur', () => {
    const draft = draftOf();
    render(() => <OverviewSection draft={draft} />);
    const horizon = screen.getByLabelText('Horizon') as HTMLInputElement;
    fireEvent.focus(horizon);
    fireEvent.input(horizon, { target: { value: '' } });
    expect(horizon.value).toBe('');
    expect(draft.document.horizonMonths).toBeUndefined();
    // Nothing flagged while the user is still typing.
    expect(horizon.getAttribute('aria-invalid')).toBe('false');
    fireEvent.blur(horizon);
    expect(horizon.value).toBe('');
    expect(horizon.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(horizon.getAttribute('aria-describedby')!)!;
    expect(error.textContent).toBe('Horizon is required: enter a number');
  });

  it('clears a stale error as soon as the value becomes valid', () => {
    const draft = draftOf();
    render(() => <OverviewSection draft={draft} />);
    const horizon = screen.getByLabelText('Horizon') as HTMLInputElement;
    fireEvent.input(horizon, { target: { value: '12x' } });
    fireEvent.blur(horizon);
    expect(horizon.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Horizon must be a number: type it as e.g. 1250 or 0.5');
    // The draft kept the last number: an unreadable entry is never sent.
    expect(draft.document.horizonMonths).toBe(36);
    fireEvent.focus(horizon);
    fireEvent.input(horizon, { target: { value: '12' } });
    expect(horizon.getAttribute('aria-invalid')).toBe('false');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(draft.document.horizonMonths).toBe(12);
  });

  it("shows the engine's range error by label while typing a number, and drops it when fixed", () => {
    const draft = draftOf();
    render(() => <OverviewSection draft={draft} />);
    const horizon = screen.getByLabelText('Horizon') as HTMLInputElement;
    fireEvent.input(horizon, { target: { value: '0' } });
    expect(screen.getByRole('alert').textContent).toBe('Horizon must be at least 1');
    fireEvent.input(horizon, { target: { value: '24' } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('follows an outside change (conflict resolution) but never rewrites a decimal comma being typed', () => {
    const [value, setValue] = createSignal<number | undefined>(0.5);
    render(() => <NumberField label="Share" value={value()} onChange={setValue} />);
    const share = screen.getByLabelText('Share') as HTMLInputElement;
    fireEvent.input(share, { target: { value: '0,75' } });
    expect(value()).toBe(0.75);
    expect(share.value).toBe('0,75');
    setValue(0.2);
    expect(share.value).toBe('0.2');
  });

  it('an optional field may be empty without a message', () => {
    const [value, setValue] = createSignal<number | undefined>(3);
    render(() => <NumberField label="Seed" optional value={value()} onChange={setValue} />);
    const seed = screen.getByLabelText(/Seed/) as HTMLInputElement;
    fireEvent.input(seed, { target: { value: '' } });
    fireEvent.blur(seed);
    expect(value()).toBeUndefined();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
