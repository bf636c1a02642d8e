import { createSignal, For, Show, type Component } from 'solid-js';
import { FUNCTION_LABELS, FUNCTIONS, type BusinessFunction } from '../../../models/case/governance-schema.ts';
import { READINESS_GATE_LABELS, READINESS_GATES, type ReadinessGate } from '../../../models/case/readiness.ts';
import { governanceApi } from '../lib/case-governance-api.ts';
import { ErrorNotice } from './error-notice.tsx';

/**
 * Adds an item of the case's own to its checklist (not in the organisation template): the
 * gate, what must be true, the function that signs it and what counts as evidence.
 *
 * @example
 * <AddChecklistItem caseId="c1" onAdded={refresh} />
 */
export const AddChecklistItem: Component<{ caseId: string; onAdded: () => void }> = (props) => {
  const [open, setOpen] = createSignal(false);
  const [gate, setGate] = createSignal<ReadinessGate>('governanceRisk');
  const [fn, setFn] = createSignal<BusinessFunction>('business');
  const [text, setText] = createSignal('');
  const [hint, setHint] = createSignal('');
  const [problem, setProblem] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    setFailure(null);
    if (!text().trim()) return void setProblem('Say what must be true (the item).');
    setProblem(null);
    try {
      await governanceApi.addItem(props.caseId, { gate: gate(), item: text().trim(), function: fn(), ...(hint().trim() && { evidenceHint: hint().trim() }) });
      setText('');
      setHint('');
      setOpen(false);
      props.onAdded();
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <Show
      when={open()}
      fallback={
        <button type="button" class="button-secondary" onClick={() => setOpen(true)}>
          Add an item for this case
        </button>
      }
    >
      <form class="add-checklist-item" onSubmit={(event) => void submit(event)} aria-label="Add a checklist item for this case">
        <div class="field">
          <label for="new-item-gate">Gate</label>
          <select id="new-item-gate" value={gate()} onChange={(e) => setGate(e.currentTarget.value as ReadinessGate)}>
            <For each={READINESS_GATES}>{(value) => <option value={value}>{READINESS_GATE_LABELS[value]}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="new-item-function">Function responsible</label>
          <select id="new-item-function" value={fn()} onChange={(e) => setFn(e.currentTarget.value as BusinessFunction)}>
            <For each={FUNCTIONS}>{(value) => <option value={value}>{FUNCTION_LABELS[value]}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="new-item-text">What must be true</label>
          <input id="new-item-text" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="new-item-hint">What counts as evidence (optional)</label>
          <input id="new-item-hint" value={hint()} onInput={(e) => setHint(e.currentTarget.value)} />
        </div>
        <Show when={problem()}>
          <p class="field-error" role="alert">
            {problem()}
          </p>
        </Show>
        <Show when={failure()}>
          <ErrorNotice error={failure()} />
        </Show>
        <p class="button-row">
          <button type="submit" class="button-primary">
            Add item
          </button>
          <button type="button" class="button-secondary" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </p>
      </form>
    </Show>
  );
};
