import { createSignal, For, Index, type Component } from 'solid-js';
import { FUNCTION_LABELS, FUNCTIONS, type BusinessFunction } from '../../../models/case/governance-schema.ts';
import { READINESS_GATE_LABELS, READINESS_GATES, type ReadinessGate } from '../../../models/case/readiness.ts';
import type { ChecklistTemplateResource } from '../../../models/contract/governance-resources.ts';
import type { TemplateItem } from '../../../models/governance/checklist-template.ts';
import { publishTemplate } from '../lib/governance-api.ts';
import { errorsUnder, problemErrors, type FieldError } from '../lib/problem-errors.ts';

const list = (text: string): string[] | undefined => {
  const values = text
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  return values.length ? values : undefined;
};

/** Sets the references from the two comma-separated fields, dropping empty ones. */
function withReferences(item: TemplateItem, nist: string | undefined, iso: string | undefined): TemplateItem {
  const references = { ...item.references };
  if (nist !== undefined) references.nistAiRmf = list(nist);
  if (iso !== undefined) references.iso42001 = list(iso);
  if (!references.nistAiRmf) delete references.nistAiRmf;
  if (!references.iso42001) delete references.iso42001;
  const next: TemplateItem = { ...item, references };
  if (!references.nistAiRmf && !references.iso42001) delete next.references;
  return next;
}

const Errors: Component<{ messages: string[] }> = (props) => (
  <For each={props.messages}>
    {(message) => (
      <p class="field-error" role="alert">
        {message}
      </p>
    )}
  </For>
);

/**
 * Drafting the next template version (admins): edit the current items' wording, function,
 * evidence hint and references, add items, then publish. Items are never removed, so the
 * draft offers no delete; the server's named errors appear at the item they name.
 */
export const TemplatePublisher: Component<{ current: ChecklistTemplateResource; onPublished: (created: ChecklistTemplateResource) => void }> = (props) => {
  const [items, setItems] = createSignal<TemplateItem[]>(structuredClone(props.current.items));
  const [note, setNote] = createSignal('');
  const [errors, setErrors] = createSignal<FieldError[]>([]);
  const [busy, setBusy] = createSignal(false);
  const [gate, setGate] = createSignal<ReadinessGate>('governanceRisk');
  const [newId, setNewId] = createSignal('');
  const [newText, setNewText] = createSignal('');
  const [newFunction, setNewFunction] = createSignal<BusinessFunction>('risk');
  const edit = (index: number, next: TemplateItem) => setItems((all) => all.map((item, at) => (at === index ? next : item)));
  const add = () => {
    setItems((all) => [...all, { id: newId().trim(), gate: gate(), item: newText().trim(), function: newFunction() }]);
    setNewId('');
    setNewText('');
  };
  const publish = async () => {
    setBusy(true);
    setErrors([]);
    try {
      props.onPublished(await publishTemplate({ ...(note().trim() ? { note: note().trim() } : {}), items: items() }));
    } catch (failure) {
      setErrors(problemErrors(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="template-publisher" data-testid="template-publisher">
      <h3>Draft version {props.current.version + 1}</h3>
      <p class="section-description">
        Starts from version {props.current.version}. Change wording, function, evidence hints and references, or add items; items are never removed (a case
        marks one not applicable with a reason instead). Cases keep the version they were created with until they migrate.
      </p>
      <table class="data-table template-edit-table">
        <thead>
          <tr>
            <th scope="col">Gate</th>
            <th scope="col">Item</th>
            <th scope="col">Function</th>
            <th scope="col">What counts as evidence</th>
            <th scope="col">NIST AI RMF</th>
            <th scope="col">ISO/IEC 42001</th>
          </tr>
        </thead>
        <tbody>
          <Index each={items()}>
            {(item, index) => (
              <tr data-item={item().id}>
                <td>
                  {READINESS_GATE_LABELS[item().gate]}
                  <div class="muted">
                    <code>{item().id}</code>
                  </div>
                  <Errors
                    messages={errors()
                      .filter((entry) => entry.path === `/items/${index}` || entry.path === `/items/${index}/id`)
                      .map((entry) => entry.message)}
                  />
                </td>
                <td>
                  <textarea
                    aria-label={`Item ${item().id}`}
                    rows={2}
                    value={item().item}
                    onInput={(event) => edit(index, { ...item(), item: event.currentTarget.value })}
                  />
                  <Errors messages={errorsUnder(errors(), `/items/${index}/item`)} />
                </td>
                <td>
                  <select
                    aria-label={`Function of ${item().id}`}
                    value={item().function}
                    onChange={(event) => edit(index, { ...item(), function: event.currentTarget.value as BusinessFunction })}
                  >
                    <For each={FUNCTIONS}>{(fn) => <option value={fn}>{FUNCTION_LABELS[fn]}</option>}</For>
                  </select>
                </td>
                <td>
                  <textarea
                    aria-label={`Evidence hint of ${item().id}`}
                    rows={2}
                    value={item().evidenceHint ?? ''}
                    onInput={(event) => edit(index, { ...item(), evidenceHint: event.currentTarget.value || undefined })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`NIST AI RMF references of ${item().id}`}
                    value={item().references?.nistAiRmf?.join(', ') ?? ''}
                    onChange={(event) => edit(index, withReferences(item(), event.currentTarget.value, undefined))}
                  />
                  <Errors messages={errorsUnder(errors(), `/items/${index}/references/nistAiRmf`)} />
                </td>
                <td>
                  <input
                    aria-label={`ISO/IEC 42001 references of ${item().id}`}
                    value={item().references?.iso42001?.join(', ') ?? ''}
                    onChange={(event) => edit(index, withReferences(item(), undefined, event.currentTarget.value))}
                  />
                  <Errors messages={errorsUnder(errors(), `/items/${index}/references/iso42001`)} />
                </td>
              </tr>
            )}
          </Index>
        </tbody>
      </table>
      <fieldset class="template-add">
        <legend>Add an item</legend>
        <div class="inline-form">
          <label>
            Gate
            <select value={gate()} onChange={(event) => setGate(event.currentTarget.value as ReadinessGate)}>
              <For each={READINESS_GATES}>{(entry) => <option value={entry}>{READINESS_GATE_LABELS[entry]}</option>}</For>
            </select>
          </label>
          <label>
            Id
            <input value={newId()} placeholder="e.g. gr-vendor-exit" onInput={(event) => setNewId(event.currentTarget.value)} />
          </label>
          <label>
            Item
            <input value={newText()} onInput={(event) => setNewText(event.currentTarget.value)} />
          </label>
          <label>
            Function
            <select value={newFunction()} onChange={(event) => setNewFunction(event.currentTarget.value as BusinessFunction)}>
              <For each={FUNCTIONS}>{(fn) => <option value={fn}>{FUNCTION_LABELS[fn]}</option>}</For>
            </select>
          </label>
          <button type="button" class="button-secondary" disabled={!newId().trim() || !newText().trim()} onClick={add}>
            Add item
          </button>
        </div>
      </fieldset>
      <label class="field">
        What changed (note for this version)
        <input value={note()} onInput={(event) => setNote(event.currentTarget.value)} />
      </label>
      <Errors
        messages={errors()
          .filter((entry) => !/^\/items\/\d+/.test(entry.path))
          .map((entry) => entry.message)}
      />
      <button type="button" class="button-primary" disabled={busy()} onClick={() => void publish()}>
        {busy() ? 'Publishing…' : `Publish version ${props.current.version + 1}`}
      </button>
    </div>
  );
};
