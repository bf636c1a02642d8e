import { createSignal, For, type Component } from 'solid-js';
import { EditorSection } from '../components/editor-section.tsx';
import { FieldErrors } from '../components/field-errors.tsx';
import type { CaseDraft } from '../stores/case-draft.ts';
import type { LivePreview } from '../stores/live-preview.ts';
import { VariantCard } from './variant-card.tsx';
import { isVariantId, proposeVariantId } from './variant-names.ts';

/**
 * Variants of the case: the same case with some lines removed, some inputs or variables
 * changed, or lines added ("without the knowledge-base clean-up"). Each can be compared
 * with the case on the Compare tab. Pass the live preview to see each variant's NPV
 * beside the case's.
 */
export const VariantsSection: Component<{ draft: CaseDraft; preview?: LivePreview }> = (props) => {
  const ids = () => Object.keys(props.draft.document.variants ?? {});
  const [open, setOpen] = createSignal<string | null>(null);
  return (
    <EditorSection
      id="variants"
      title={`Variants (${ids().length})`}
      problems={props.draft.validation().issues.under('/variants').length}
      description="Alternatives to compare with this case: the same case with some lines removed, some inputs or variables changed, or lines added. Compare a variant with the case on the Compare tab."
    >
      <For each={ids()} fallback={<p class="muted">No variants yet.</p>}>
        {(id) => (
          <VariantCard
            draft={props.draft}
            id={id}
            preview={props.preview}
            open={open() === id}
            onToggle={() => setOpen(open() === id ? null : id)}
            onDeleted={() => setOpen(null)}
          />
        )}
      </For>
      <NewVariantForm draft={props.draft} onCreated={(id) => setOpen(id)} />
    </EditorSection>
  );
};

/** Label, description and id (proposed from the label until the user types one). */
const NewVariantForm: Component<{ draft: CaseDraft; onCreated: (id: string) => void }> = (props) => {
  const [label, setLabel] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [typedId, setTypedId] = createSignal<string | null>(null);
  const [problem, setProblem] = createSignal<string | null>(null);
  const taken = () => Object.keys(props.draft.document.variants ?? {});
  const id = () => typedId() ?? (label().trim() ? proposeVariantId(label(), taken()) : '');
  const create = (): void => {
    if (!label().trim()) return void setProblem('Give the variant a name, e.g. "Without knowledge-base clean-up".');
    if (!isVariantId(id())) return void setProblem('The id must start with a letter and use only letters, digits and _ (it is used in the API and the CLI).');
    if (taken().includes(id())) return void setProblem(`The case already has a variant with the id "${id()}": choose another id.`);
    const created = id();
    props.draft.mutate((doc) => {
      doc.variants ??= {};
      doc.variants[created] = { label: label().trim(), ...(description().trim() ? { description: description().trim() } : {}) };
    });
    setLabel('');
    setDescription('');
    setTypedId(null);
    setProblem(null);
    props.onCreated(created);
  };
  return (
    <fieldset class="row-card new-variant" data-testid="new-variant">
      <legend>New variant</legend>
      <div class="field-grid field-grid-4">
        <div class="field span-2">
          <label for="new-variant-label">Name</label>
          <input
            id="new-variant-label"
            value={label()}
            placeholder="e.g. Without knowledge-base clean-up"
            aria-describedby="new-variant-problem"
            onInput={(e) => setLabel(e.currentTarget.value)}
          />
        </div>
        <div class="field span-2">
          <label for="new-variant-id">Id (used by the API and the CLI)</label>
          <input id="new-variant-id" value={id()} onInput={(e) => setTypedId(e.currentTarget.value.trim() || null)} />
        </div>
        <div class="field span-4">
          <label for="new-variant-description">
            Variant description<span class="field-optional"> (optional)</span>
          </label>
          <input id="new-variant-description" value={description()} onInput={(e) => setDescription(e.currentTarget.value)} />
        </div>
      </div>
      <FieldErrors id="new-variant-problem" issues={problem() ? [problem()!] : []} />
      <button type="button" class="button-secondary" onClick={create}>
        + Create variant
      </button>
    </fieldset>
  );
};
