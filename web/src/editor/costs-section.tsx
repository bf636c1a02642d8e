import { createEffect, createSignal, For, Match, on, Show, Switch, type Component } from 'solid-js';
import type { CaseInput } from '../../../models/case/case-schema.ts';
import { COST_CATEGORIES, COST_CATEGORY_LABELS, type CostCategory } from '../../../models/case/cost-categories.ts';
import { EditorSection } from '../components/editor-section.tsx';
import { FormulaField } from '../components/formula-field.tsx';
import { NumberField } from '../components/number-field.tsx';
import { SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
import { appendAt } from '../lib/json-pointer.ts';
import type { CaseDraft } from '../stores/case-draft.ts';
import { formulaNames } from './formula-names.ts';
import { MonthRangeFields } from './month-range-fields.tsx';
import { rangeInputFor } from './range-input.ts';

type CostLine = CaseInput['costs'][number];

/** From this many cost lines on, the cards start collapsed to one line each. */
const COMPACT_FROM = 5;

/** The category select inside a card: the group heading above it carries the long form. */
const CATEGORY_OPTIONS = COST_CATEGORIES.map((c) => ({ value: c, label: COST_CATEGORY_LABELS[c].replace(/ \(.*\)$/, '') }));

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

/**
 * `prefix` + the first free number among the lines' ids.
 *
 * @example
 * uniqueId('integration', [{ id: 'integration1' }, { id: 'setup' }]) // 'integration3'
 */
export function uniqueId(prefix: string, lines: readonly { id?: string }[]): string {
  const taken = new Set(lines.map((line) => line.id));
  let n = lines.length + 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
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
  // Up to COMPACT_FROM lines every card is open; beyond, cards are collapsed to one line each,
  // except those just added, those with a problem, and all of them after "Expand all".
  const [allOpen, setAllOpen] = createSignal<boolean | null>(null);
  const [added, setAdded] = createSignal<ReadonlySet<string>>(new Set());
  const isOpen = (line: CostLine) => allOpen() ?? (costs().length < COMPACT_FROM || added().has(line.id));
  const add = (category: CostCategory) =>
    props.draft.mutate((doc) => {
      const id = uniqueId(category, doc.costs ?? []);
      setAdded((ids) => new Set([...ids, id]));
      appendAt(doc as never, '/costs', {
        id,
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
      <Show when={costs().length >= COMPACT_FROM}>
        <div class="button-row cost-card-toggles">
          <button type="button" class="button-quiet button-small" onClick={() => setAllOpen(true)}>
            Expand all cost lines
          </button>
          <button type="button" class="button-quiet button-small" onClick={() => setAllOpen(false)}>
            Collapse all
          </button>
        </div>
      </Show>
      <For each={COST_CATEGORIES.filter((category) => linesOf(category).length > 0)}>
        {(category) => (
          <div class="cost-group" data-category={category}>
            <div class="cost-group-header">
              <h3>
                {COST_CATEGORY_LABELS[category]} <span class="muted">({linesOf(category).length})</span>
              </h3>
              <button type="button" class="button-secondary button-small" onClick={() => add(category)}>
                + Add {COST_CATEGORY_LABELS[category].toLowerCase()} cost
              </button>
            </div>
            <For each={linesOf(category)}>
              {(costLine) => <CostLineCard draft={props.draft} line={costLine} base={`/costs/${costs().indexOf(costLine)}`} open={isOpen(costLine)} />}
            </For>
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

/**
 * A cost line in one line of words, for its collapsed card.
 *
 * @example
 * costLineSummary({ kind: 'oneTime', month: 2, amount: 12000, … }, format.money) // '€12,000 in month 2'
 * costLineSummary({ kind: 'monthly', amount: 'runCost', fromMonth: 4, … }, format.money) // 'runCost per month, months 4–end'
 */
export function costLineSummary(line: CostLine, money: (amount: number) => string): string {
  const value = (formula: string | number | undefined) => (typeof formula === 'number' ? money(formula) : (formula ?? '—'));
  const months = (from?: number, to?: number) => (from || to ? `, months ${from ?? 1}–${to ?? 'end'}` : '');
  if (line.kind === 'oneTime') return `${value(line.amount)} in month ${line.month ?? 1}`;
  if (line.kind === 'monthly') return `${value(line.amount)} per month${months(line.fromMonth, line.toMonth)}`;
  return `${value(line.volume)} × ${value(line.unitCost)} per month${months(line.fromMonth, line.toMonth)}`;
}

/**
 * One cost line as a compact card: collapsed, its label, id, kind and amount in one line
 * (so nine lines fit a screen); open, the fields in two rows. A line with a problem is
 * always open.
 */
const CostLineCard: Component<{ draft: CaseDraft; line: CostLine; base: string; open: boolean }> = (props) => {
  const issues = () => props.draft.validation().issues;
  const base = () => props.base;
  const line = () => props.line;
  const problems = () => issues().under(base()).length;
  // Once open (by the user, a problem or "Expand all") a card stays open until the user closes it,
  // so it never folds away under the cursor when a formula being typed becomes valid.
  const [chosen, setChosen] = createSignal<boolean | null>(null);
  createEffect(
    on(
      () => props.open,
      () => setChosen(null),
      { defer: true },
    ),
  );
  return (
    <details
      class="row-card cost-card"
      data-line={line().id}
      open={problems() > 0 || (chosen() ?? props.open)}
      onToggle={(event) => setChosen(event.currentTarget.open)}
    >
      <summary>
        <span class="cost-card-label">{line().label}</span>
        <code>{line().id}</code>
        <span class="cost-card-amount">{costLineSummary(line(), (n) => props.draft.format().money(n))}</span>
        <Show when={problems() > 0}>
          <span class="badge badge-error">
            {problems()} problem{problems() === 1 ? '' : 's'}
          </span>
        </Show>
      </summary>
      <div class="field-grid field-grid-4 cost-card-fields">
        <TextField
          class="span-3"
          label="Label"
          value={line().label}
          onChange={(v) => props.draft.update(`${base()}/label`, v)}
          issues={issues().at(`${base()}/label`)}
        />
        <TextField label="Id" value={line().id} onChange={(v) => props.draft.update(`${base()}/id`, v)} issues={issues().at(`${base()}/id`)} />
        <SelectField
          class="span-2"
          label="Category"
          value={line().category}
          options={CATEGORY_OPTIONS}
          onChange={(v) => props.draft.update(`${base()}/category`, v)}
          issues={issues().at(`${base()}/category`)}
        />
        <SelectField
          class="span-2"
          label="Kind"
          value={line().kind}
          options={KIND_OPTIONS}
          onChange={(v) => props.draft.update(base(), convertKind(line(), v as CostLine['kind']))}
        />
        <CostAmountFields draft={props.draft} line={props.line} base={props.base} />
        <TextField class="span-3" label="Note" optional value={line().note} onChange={(v) => props.draft.update(`${base()}/note`, v || undefined)} />
        <div class="row-actions">
          <button type="button" class="button-quiet" aria-label={`Remove cost ${line().id}`} onClick={() => props.draft.update(base(), undefined)}>
            Remove
          </button>
        </div>
      </div>
    </details>
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
            <div class="span-3">
              <FormulaField
                label="Amount"
                unit={currency()}
                value={oneTime().amount}
                pointer={`${base()}/amount`}
                issues={issues()}
                names={formulaNames(props.draft.document)}
                onChange={(v) => props.draft.update(`${base()}/amount`, v)}
                rangeInput={rangeInputFor(
                  props.draft,
                  () => `${base()}/amount`,
                  () => line().label,
                  currency,
                )}
              />
            </div>
          </>
        )}
      </Match>
      <Match when={line().kind === 'monthly' && (line() as Extract<CostLine, { kind: 'monthly' }>)}>
        {(monthly) => (
          <>
            <MonthRangeFields draft={props.draft} base={base()} from={monthly().fromMonth} to={monthly().toMonth} />
            <div class="span-2">
              <FormulaField
                label="Amount per month"
                unit={`${currency()}/month`}
                value={monthly().amount}
                pointer={`${base()}/amount`}
                issues={issues()}
                names={formulaNames(props.draft.document)}
                onChange={(v) => props.draft.update(`${base()}/amount`, v)}
                rangeInput={rangeInputFor(
                  props.draft,
                  () => `${base()}/amount`,
                  () => line().label,
                  () => `${currency()}/month`,
                )}
              />
            </div>
          </>
        )}
      </Match>
      <Match when={line().kind === 'perUnit' && (line() as Extract<CostLine, { kind: 'perUnit' }>)}>
        {(perUnit) => (
          <>
            <MonthRangeFields draft={props.draft} base={base()} from={perUnit().fromMonth} to={perUnit().toMonth} />
            <div>
              <FormulaField
                label="Volume per month"
                value={perUnit().volume}
                pointer={`${base()}/volume`}
                issues={issues()}
                names={formulaNames(props.draft.document)}
                onChange={(v) => props.draft.update(`${base()}/volume`, v)}
                rangeInput={rangeInputFor(
                  props.draft,
                  () => `${base()}/volume`,
                  () => `${line().label} volume`,
                  () => 'units/month',
                )}
              />
            </div>
            <div>
              <FormulaField
                label="Unit cost"
                unit={currency()}
                value={perUnit().unitCost}
                pointer={`${base()}/unitCost`}
                issues={issues()}
                names={formulaNames(props.draft.document)}
                onChange={(v) => props.draft.update(`${base()}/unitCost`, v)}
                rangeInput={rangeInputFor(
                  props.draft,
                  () => `${base()}/unitCost`,
                  () => `${line().label} unit cost`,
                  () => `${currency()}/unit`,
                )}
              />
            </div>
          </>
        )}
      </Match>
    </Switch>
  );
};
