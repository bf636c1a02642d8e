import { createSignal, For, Show, type Component } from 'solid-js';
import { TextField } from '../components/text-field.tsx';
import type { CaseDraft } from '../stores/case-draft.ts';
import type { LivePreview } from '../stores/live-preview.ts';
import { VariantAddedLines } from './variant-added-lines.tsx';
import { describeVariantChanges } from './variant-changes.ts';
import { VariantInputOverrides, VariantVariableOverrides } from './variant-overrides.tsx';
import { VariantPreview } from './variant-preview.tsx';

interface VariantCardProps {
  draft: CaseDraft;
  id: string;
  preview?: LivePreview;
  open: boolean;
  onToggle: () => void;
  onDeleted: () => void;
}

/** One variant: its name and what it changes, opened to edit it; deleting asks once more. */
export const VariantCard: Component<VariantCardProps> = (props) => {
  const variant = () => props.draft.document.variants?.[props.id];
  const base = () => `/variants/${props.id}`;
  const issues = () => props.draft.validation().issues;
  const [confirming, setConfirming] = createSignal(false);
  const changes = () => (variant() ? describeVariantChanges(props.draft.document, variant()!) : []);
  const remove = (): void => {
    props.draft.mutate((doc) => {
      if (!doc.variants) return;
      delete doc.variants[props.id];
      if (Object.keys(doc.variants).length === 0) delete doc.variants;
    });
    props.onDeleted();
  };
  return (
    <Show when={variant()}>
      {(v) => (
        <fieldset class="row-card variant-card" data-variant={props.id}>
          <legend>
            Variant: {v().label} <code>{props.id}</code>
          </legend>
          <p class="variant-changes" data-testid="variant-changes">
            {changes().length ? `Compared with the case, this variant ${changes().join('; ')}.` : 'This variant changes nothing yet.'}
          </p>
          <div class="row-actions">
            <button
              type="button"
              class="button-secondary"
              aria-expanded={props.open}
              aria-label={`${props.open ? 'Close' : 'Edit'} variant “${v().label}”`}
              onClick={() => props.onToggle()}
            >
              {props.open ? 'Close' : 'Edit'}
            </button>
            <Show
              when={confirming()}
              fallback={
                <button type="button" class="button-quiet" aria-label={`Delete variant “${v().label}”`} onClick={() => setConfirming(true)}>
                  Delete
                </button>
              }
            >
              <span role="alert">Delete “{v().label}” and everything it changes?</span>
              <button type="button" class="button-secondary" onClick={remove}>
                Yes, delete it
              </button>
              <button type="button" class="button-quiet" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </Show>
          </div>
          <Show when={props.open}>
            <div class="field-grid field-grid-4">
              <TextField
                class="span-2"
                label="Name"
                value={v().label}
                onChange={(value) => props.draft.update(`${base()}/label`, value)}
                issues={issues().at(`${base()}/label`)}
              />
              <TextField
                class="span-2"
                label="Variant description"
                optional
                value={v().description}
                onChange={(value) => props.draft.update(`${base()}/description`, value.trim() ? value : undefined)}
                issues={issues().at(`${base()}/description`)}
              />
            </div>
            <RemovedLines draft={props.draft} id={props.id} />
            <VariantInputOverrides draft={props.draft} id={props.id} />
            <VariantVariableOverrides draft={props.draft} id={props.id} />
            <VariantAddedLines draft={props.draft} id={props.id} />
            <VariantPreview draft={props.draft} id={props.id} preview={props.preview} />
          </Show>
        </fieldset>
      )}
    </Show>
  );
};

/** A checkbox for each of the case's benefit and cost lines: checked lines are left out of the variant. */
const RemovedLines: Component<{ draft: CaseDraft; id: string }> = (props) => {
  const removed = () => props.draft.document.variants?.[props.id]?.removeLines ?? [];
  const toggle = (lineId: string, remove: boolean): void => {
    const next = remove ? [...removed().filter((id) => id !== lineId), lineId] : removed().filter((id) => id !== lineId);
    props.draft.update(`/variants/${props.id}/removeLines`, next.length ? next : undefined);
  };
  // Ids left out that are no longer lines of the case (a line renamed or deleted since).
  const stale = () => {
    const ids = new Set([...(props.draft.document.benefits ?? []), ...(props.draft.document.costs ?? [])].map((line) => line.id));
    return removed().filter((id) => !ids.has(id));
  };
  const group = (kind: 'benefit' | 'cost', lines: readonly { id: string; label: string }[]) => (
    <div class="variant-lines">
      <h4>{kind === 'benefit' ? 'Benefit lines' : 'Cost lines'}</h4>
      <For each={lines}>
        {(line) => (
          <label class="checkbox">
            <input type="checkbox" checked={removed().includes(line.id)} onChange={(e) => toggle(line.id, e.currentTarget.checked)} />
            <span class="visually-hidden">{`Leave out ${kind}: `}</span>
            {line.label}
          </label>
        )}
      </For>
    </div>
  );
  return (
    <fieldset class="variant-part">
      <legend>Lines this variant leaves out</legend>
      <div class="field-grid" style={{ 'grid-template-columns': 'repeat(auto-fit, minmax(260px, 1fr))' }}>
        {group('benefit', props.draft.document.benefits ?? [])}
        {group('cost', props.draft.document.costs ?? [])}
      </div>
      <For each={stale()}>
        {(lineId) => (
          <p class="notice notice-warning" role="status">
            This variant leaves out the line <code>{lineId}</code>, which the case no longer has.{' '}
            <button type="button" class="link-button" onClick={() => toggle(lineId, false)}>
              Forget it
            </button>
          </p>
        )}
      </For>
      <For each={props.draft.validation().issues.under(`/variants/${props.id}/removeLines`)}>
        {(issue) => (
          <p class="field-error" role="alert">
            {issue.message}
          </p>
        )}
      </For>
    </fieldset>
  );
};
