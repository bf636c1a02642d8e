import { For, type Component } from 'solid-js';
import { EditorSection } from '../components/editor-section.tsx';
import { FormulaField } from '../components/formula-field.tsx';
import { TextField } from '../components/text-field.tsx';
import { appendAt } from '../lib/json-pointer.ts';
import type { CaseDraft } from '../stores/case-draft.ts';
import { uniqueId } from './costs-section.tsx';
import { formulaNames } from './formula-names.ts';
import { MonthRangeFields } from './month-range-fields.tsx';
import { rangeInputFor } from './range-input.ts';

/** Benefit lines: gross monthly value, the share realised, and whether adoption scales it. */
export const BenefitsSection: Component<{ draft: CaseDraft }> = (props) => {
  const issues = () => props.draft.validation().issues;
  const warningsAt = (path: string) => props.draft.validation().warnings.filter((warning) => warning.path === path);
  const benefits = () => props.draft.document.benefits ?? [];
  const currency = () => props.draft.document.currency;
  const add = () =>
    props.draft.mutate((doc) => {
      appendAt(doc as never, '/benefits', { id: uniqueId('benefit', doc.benefits ?? []), label: 'New benefit', amount: 0, realization: 1 });
    });
  return (
    <EditorSection
      id="benefits"
      title={`Benefit lines (${benefits().length})`}
      problems={issues().under('/benefits').length}
      description={`Monthly amounts in ${currency()}, before realisation and adoption.`}
    >
      <For each={benefits()}>
        {(line, index) => {
          const base = () => `/benefits/${index()}`;
          return (
            <fieldset class="row-card" data-line={line.id}>
              <legend>
                Benefit: {line.label} <code>{line.id}</code>
              </legend>
              <div class="field-grid field-grid-4">
                <TextField label="Id" value={line.id} onChange={(v) => props.draft.update(`${base()}/id`, v)} issues={issues().at(`${base()}/id`)} />
                <TextField
                  class="span-3"
                  label="Label"
                  value={line.label}
                  onChange={(v) => props.draft.update(`${base()}/label`, v)}
                  issues={issues().at(`${base()}/label`)}
                />
                <div class="span-4">
                  <FormulaField
                    label="Gross amount per month"
                    unit={`${currency()}/month`}
                    value={line.amount}
                    pointer={`${base()}/amount`}
                    issues={issues()}
                    names={formulaNames(props.draft.document)}
                    onChange={(v) => props.draft.update(`${base()}/amount`, v)}
                    rangeInput={rangeInputFor(
                      props.draft,
                      () => `${base()}/amount`,
                      () => line.label,
                      () => `${currency()}/month`,
                    )}
                  />
                  <For each={warningsAt(`${base()}/amount`)}>
                    {(warning) => (
                      <p class="notice notice-warning" role="status" data-testid="benefit-warning">
                        {warning.message}
                      </p>
                    )}
                  </For>
                </div>
                <div class="span-2">
                  <FormulaField
                    label="Realisation (share that becomes money, 0–1)"
                    value={line.realization ?? 1}
                    pointer={`${base()}/realization`}
                    issues={issues()}
                    names={formulaNames(props.draft.document)}
                    onChange={(v) => props.draft.update(`${base()}/realization`, v)}
                  />
                </div>
                <MonthRangeFields draft={props.draft} base={base()} from={line.fromMonth} to={line.toMonth} />
                <label class="checkbox span-2">
                  <input
                    type="checkbox"
                    checked={line.scaleByAdoption ?? true}
                    onChange={(e) => props.draft.update(`${base()}/scaleByAdoption`, e.currentTarget.checked)}
                  />
                  Scale by the adoption curve
                </label>
                <div class="row-actions span-2">
                  <button type="button" class="button-quiet" onClick={() => props.draft.update(base(), undefined)}>
                    Remove benefit {line.id}
                  </button>
                </div>
              </div>
            </fieldset>
          );
        }}
      </For>
      <button type="button" class="button-secondary" onClick={add}>
        + Add benefit line
      </button>
    </EditorSection>
  );
};
