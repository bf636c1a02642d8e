import { For, Match, Show, Switch, type Component } from 'solid-js';
import type { CaseInput } from '../../../models/case/case-schema.ts';
import { COST_CATEGORIES, COST_CATEGORY_LABELS, type CostCategory } from '../../../models/case/cost-categories.ts';
import { EditorSection } from '../components/editor-section.tsx';
import { FormulaField } from '../components/formula-field.tsx';
import { NumberField } from '../components/number-field.tsx';
import { SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
import type { CaseDraft } from '../stores/case-draft.ts';
import { formulaNames } from './formula-names.ts';
import { MonthRangeFields } from './month-range-fields.tsx';

type CostLine = CaseInput['costs'][number];

const KIND_OPTIONS = [
  { value: 'oneTime', label: 'One-time (in one month)' },
  { value: 'monthly', label: 'Monthly' },
  { value: 'perUnit', label: 'Per unit (volume × unit cost)' },
];

/**
 * Categories of the production-cost taxonomy with no cost line. Pilots rarely pay for
 * these, so an empty category is usually a cost nobody priced yet.
 *
 * @example
 * hiddenCostCategories([{ category: 'integration', ... }]) // ['data', 'security', ...]
 */
export function hiddenCostCategories(costs: readonly { category: string }[], noCostReasons: Partial<Record<string, string>> = {}): CostCategory[] {
  const present = new Set(costs.map((line) => line.category));
  // A category answered "none" with a reason (the case's noCostReasons) is an answer, not a gap.
  return COST_CATEGORIES.filter((category) => category !== 'other' && !present.has(category) && !noCostReasons[category]?.trim());
}

function convertKind(line: CostLine, kind: CostLine['kind']): CostLine {
  const common = { id: line.id, label: line.label, category: line.category, ...(line.note ? { note: line.note } : {}) };
  const amount = line.kind === 'perUnit' ? line.unitCost : line.amount;
  if (kind === 'oneTime') return { ...common, kind, month: 1, amount };
  if (kind === 'monthly') return { ...common, kind, amount };
  return { ...common, kind, volume: 1, unitCost: amount };
}

/** Cost lines grouped by taxonomy category, with the hidden-costs warning. */
export const CostsSection: Component<{ draft: CaseDraft }> = (props) => {
  const issues = () => props.draft.validation().issues;
  const costs = () => props.draft.document.costs ?? [];
  const currency = () => props.draft.document.currency;
  const hidden = () => hiddenCostCategories(costs(), props.draft.document.noCostReasons);
  // Store proxies are stable across edits, so <For> keeps each card (and its focus) while typing.
  const linesOf = (category: CostCategory) => costs().filter((line) => line.category === category);
  const add = (category: CostCategory) =>
    props.draft.mutate((doc) => {
      doc.costs.push({
        id: `${category}${doc.costs.length + 1}`,
        label: `New ${COST_CATEGORY_LABELS[category].toLowerCase()} cost`,
        category,
        kind: 'monthly',
        amount: 0,
      });
    });

  return (
    <EditorSection
      id="costs"
      title={`Cost lines (${costs().length})`}
      problems={issues().under('/costs').length}
      description={`Full production cost by category, in ${currency()}.`}
    >
      <HiddenCostsNotice hidden={hidden()} onAdd={add} />
      <For each={COST_CATEGORIES.filter((category) => linesOf(category).length > 0)}>
        {(category) => (
          <div class="cost-group" data-category={category}>
            <h3>
              {COST_CATEGORY_LABELS[category]} <span class="muted">({linesOf(category).length})</span>
            </h3>
            <For each={linesOf(category)}>
              {(costLine) => <CostLineCard draft={props.draft} line={costLine} base={`/costs/${costs().indexOf(costLine)}`} />}
            </For>
            <button type="button" class="button-secondary" onClick={() => add(category)}>
              + Add {COST_CATEGORY_LABELS[category].toLowerCase()} cost
            </button>
          </div>
        )}
      </For>
    </EditorSection>
  );
};

/** The taxonomy categories with no cost line, each with a button that adds one. */
const HiddenCostsNotice: Component<{ hidden: CostCategory[]; onAdd: (category: CostCategory) => void }> = (props) => (
  <Show when={props.hidden.length > 0}>
    <div class="notice notice-warning" role="status" data-testid="hidden-costs">
      <strong>Possible hidden costs:</strong> no cost line in {props.hidden.length} categor{props.hidden.length === 1 ? 'y' : 'ies'} of the taxonomy. Price
      them, or say why they are zero:
      <ul class="inline-list">
        <For each={props.hidden}>
          {(category) => (
            <li>
              {COST_CATEGORY_LABELS[category]}{' '}
              <button type="button" class="link-button" onClick={() => props.onAdd(category)}>
                add a line
              </button>
            </li>
          )}
        </For>
      </ul>
    </div>
  </Show>
);

/** One cost line: id, label, category and kind, the kind's amount fields, a note and a remove button. */
const CostLineCard: Component<{ draft: CaseDraft; line: CostLine; base: string }> = (props) => {
  const issues = () => props.draft.validation().issues;
  const base = () => props.base;
  const line = () => props.line;
  return (
    <fieldset class="row-card" data-line={line().id}>
      <legend>
        {line().label} <code>{line().id}</code>
      </legend>
      <div class="field-grid field-grid-4">
        <TextField label="Id" value={line().id} onChange={(v) => props.draft.update(`${base()}/id`, v)} issues={issues().at(`${base()}/id`)} />
        <TextField
          class="span-3"
          label="Label"
          value={line().label}
          onChange={(v) => props.draft.update(`${base()}/label`, v)}
          issues={issues().at(`${base()}/label`)}
        />
        <SelectField
          label="Category"
          value={line().category}
          options={COST_CATEGORIES.map((c) => ({ value: c, label: COST_CATEGORY_LABELS[c] }))}
          onChange={(v) => props.draft.update(`${base()}/category`, v)}
          issues={issues().at(`${base()}/category`)}
        />
        <SelectField
          label="Kind"
          value={line().kind}
          options={KIND_OPTIONS}
          onChange={(v) => props.draft.update(base(), convertKind(line(), v as CostLine['kind']))}
        />
        <CostAmountFields draft={props.draft} line={props.line} base={props.base} />
        <TextField class="span-3" label="Note" optional value={line().note} onChange={(v) => props.draft.update(`${base()}/note`, v || undefined)} />
        <div class="row-actions">
          <button type="button" class="button-quiet" onClick={() => props.draft.update(base(), undefined)}>
            Remove cost {line().id}
          </button>
        </div>
      </div>
    </fieldset>
  );
};

/** The amount fields of a cost line's kind: month and amount, month range and monthly amount, or month range, volume and unit cost. */
const CostAmountFields: Component<{ draft: CaseDraft; line: CostLine; base: string }> = (props) => {
  const issues = () => props.draft.validation().issues;
  const currency = () => props.draft.document.currency;
  const base = () => props.base;
  const line = () => props.line;
  return (
    <Switch>
      <Match when={line().kind === 'oneTime' && (line() as Extract<CostLine, { kind: 'oneTime' }>)}>
        {(oneTime) => (
          <>
            <NumberField
              label="Month"
              unit="month"
              value={oneTime().month}
              onChange={(v) => props.draft.update(`${base()}/month`, v)}
              issues={issues().at(`${base()}/month`)}
            />
            <div class="span-4">
              <FormulaField
                label="Amount"
                unit={currency()}
                value={oneTime().amount}
                pointer={`${base()}/amount`}
                issues={issues()}
                names={formulaNames(props.draft.document)}
                onChange={(v) => props.draft.update(`${base()}/amount`, v)}
              />
            </div>
          </>
        )}
      </Match>
      <Match when={line().kind === 'monthly' && (line() as Extract<CostLine, { kind: 'monthly' }>)}>
        {(monthly) => (
          <>
            <MonthRangeFields draft={props.draft} base={base()} from={monthly().fromMonth} to={monthly().toMonth} />
            <div class="span-4">
              <FormulaField
                label="Amount per month"
                unit={`${currency()}/month`}
                value={monthly().amount}
                pointer={`${base()}/amount`}
                issues={issues()}
                names={formulaNames(props.draft.document)}
                onChange={(v) => props.draft.update(`${base()}/amount`, v)}
              />
            </div>
          </>
        )}
      </Match>
      <Match when={line().kind === 'perUnit' && (line() as Extract<CostLine, { kind: 'perUnit' }>)}>
        {(perUnit) => (
          <>
            <MonthRangeFields draft={props.draft} base={base()} from={perUnit().fromMonth} to={perUnit().toMonth} />
            <div class="span-2">
              <FormulaField
                label="Volume per month"
                value={perUnit().volume}
                pointer={`${base()}/volume`}
                issues={issues()}
                names={formulaNames(props.draft.document)}
                onChange={(v) => props.draft.update(`${base()}/volume`, v)}
              />
            </div>
            <div class="span-2">
              <FormulaField
                label="Unit cost"
                unit={currency()}
                value={perUnit().unitCost}
                pointer={`${base()}/unitCost`}
                issues={issues()}
                names={formulaNames(props.draft.document)}
                onChange={(v) => props.draft.update(`${base()}/unitCost`, v)}
              />
            </div>
          </>
        )}
      </Match>
    </Switch>
  );
};
