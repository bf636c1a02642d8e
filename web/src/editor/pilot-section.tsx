import { For, Show, type Component } from 'solid-js';
import { COST_CATEGORIES, COST_CATEGORY_LABELS } from '../../../models/case/cost-categories.ts';
import { EditorSection } from '../components/editor-section.tsx';
import { FormulaField } from '../components/formula-field.tsx';
import { NumberField } from '../components/number-field.tsx';
import { SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
import { appendAt } from '../lib/json-pointer.ts';
import type { CaseDraft } from '../stores/case-draft.ts';
import { formulaNames } from './formula-names.ts';
import { rangeInputFor } from './range-input.ts';

/**
 * The pilot as it ran: duration, scope, the costs it actually paid and the ROI it
 * reported, so Results can set the pilot's ROI beside the full-cost production ROI.
 */
export const PilotSection: Component<{ draft: CaseDraft }> = (props) => {
  const issues = () => props.draft.validation().issues;
  const pilot = () => props.draft.document.pilot;
  const start = () =>
    props.draft.update('/pilot', {
      durationMonths: 3,
      scopeShare: 0.1,
      adoption: 1,
      countsRealization: false,
      costs: [{ label: 'Pilot licence', category: 'infrastructure', amount: 0 }],
    });
  return (
    <EditorSection
      id="pilot"
      title="Pilot"
      problems={issues().under('/pilot').length}
      description="What the pilot covered and paid for. Production costs it never carried show up in Results."
    >
      <Show
        when={pilot()}
        fallback={
          <button type="button" class="button-secondary" onClick={start}>
            + Describe the pilot
          </button>
        }
      >
        {(p) => (
          <>
            <div class="field-grid field-grid-4">
              <NumberField
                label="Duration"
                unit="months"
                value={p().durationMonths}
                onChange={(v) => props.draft.update('/pilot/durationMonths', v)}
                issues={issues().at('/pilot/durationMonths')}
              />
              <FormulaField
                label="Share of production volume covered (0–1)"
                value={p().scopeShare}
                pointer="/pilot/scopeShare"
                issues={issues()}
                names={formulaNames(props.draft.document)}
                onChange={(v) => props.draft.update('/pilot/scopeShare', v)}
              />
              <FormulaField
                label="Usage among pilot users (0–1)"
                value={p().adoption ?? 1}
                pointer="/pilot/adoption"
                issues={issues()}
                names={formulaNames(props.draft.document)}
                onChange={(v) => props.draft.update('/pilot/adoption', v)}
              />
              <NumberField
                label="ROI the pilot team reported"
                unit="ratio (3.1 = 310%)"
                optional
                value={p().reportedRoi}
                onChange={(v) => props.draft.update('/pilot/reportedRoi', v)}
                issues={issues().at('/pilot/reportedRoi')}
              />
              <label class="checkbox span-2">
                <input
                  type="checkbox"
                  checked={p().countsRealization ?? false}
                  onChange={(e) => props.draft.update('/pilot/countsRealization', e.currentTarget.checked)}
                />
                The pilot's benefit already counted realisation (most pilots report gross time saved)
              </label>
              <TextField class="span-4" label="Note" optional multiline value={p().note} onChange={(v) => props.draft.update('/pilot/note', v || undefined)} />
            </div>
            <PilotCostsTable draft={props.draft} />
            <div class="button-row">
              <button
                type="button"
                class="button-secondary"
                onClick={() =>
                  props.draft.mutate((doc) => void appendAt(doc as never, '/pilot/costs', { label: 'New pilot cost', category: 'other', amount: 0 }))
                }
              >
                + Add pilot cost
              </button>
              <button type="button" class="button-quiet" onClick={() => props.draft.update('/pilot', undefined)}>
                Remove pilot section
              </button>
            </div>
          </>
        )}
      </Show>
    </EditorSection>
  );
};

/** The costs the pilot paid, one row each: label, category and amount (a range typed there becomes an input). */
const PilotCostsTable: Component<{ draft: CaseDraft }> = (props) => {
  const issues = () => props.draft.validation().issues;
  const currency = () => props.draft.document.currency;
  return (
    <table class="data-table">
      <caption>Costs the pilot paid ({currency()}, total over the pilot)</caption>
      <thead>
        <tr>
          <th scope="col">Label</th>
          <th scope="col">Category</th>
          <th scope="col">Amount ({currency()})</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        <For each={props.draft.document.pilot?.costs}>
          {(cost, index) => (
            <tr>
              <td>
                <TextField
                  class="label-hidden"
                  label={`Pilot cost ${index() + 1} label`}
                  value={cost.label}
                  onChange={(v) => props.draft.update(`/pilot/costs/${index()}/label`, v)}
                  issues={issues().at(`/pilot/costs/${index()}/label`)}
                />
              </td>
              <td>
                <SelectField
                  class="label-hidden"
                  label={`Pilot cost ${index() + 1} category`}
                  value={cost.category}
                  options={COST_CATEGORIES.map((c) => ({ value: c, label: COST_CATEGORY_LABELS[c] }))}
                  onChange={(v) => props.draft.update(`/pilot/costs/${index()}/category`, v)}
                />
              </td>
              <td>
                <FormulaField
                  label={`Pilot cost ${index() + 1} amount`}
                  value={cost.amount}
                  pointer={`/pilot/costs/${index()}/amount`}
                  issues={issues()}
                  onChange={(v) => props.draft.update(`/pilot/costs/${index()}/amount`, v)}
                  names={formulaNames(props.draft.document)}
                  rangeInput={rangeInputFor(
                    props.draft,
                    () => `/pilot/costs/${index()}/amount`,
                    () => `Pilot ${cost.label}`,
                    currency,
                  )}
                />
              </td>
              <td>
                <button type="button" class="button-quiet" onClick={() => props.draft.update(`/pilot/costs/${index()}`, undefined)}>
                  Remove
                </button>
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
};
