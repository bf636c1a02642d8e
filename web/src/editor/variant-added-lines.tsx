import { For, Match, Switch, type Component } from 'solid-js';
import type { CaseInput } from '../../../models/case/case-schema.ts';
import { COST_CATEGORIES, COST_CATEGORY_LABELS } from '../../../models/case/cost-categories.ts';
import { FormulaField } from '../components/formula-field.tsx';
import { NumberField } from '../components/number-field.tsx';
import { SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
import type { CaseDraft } from '../stores/case-draft.ts';
import { formulaNames } from './formula-names.ts';
import { uniqueId } from './variant-names.ts';

type CostLine = CaseInput['costs'][number];

const KIND_OPTIONS = [
  { value: 'oneTime', label: 'One-time (in one month)' },
  { value: 'monthly', label: 'Monthly' },
  { value: 'perUnit', label: 'Per unit (volume × unit cost)' },
];

/** A new cost line of another kind, keeping id, label, category and the amount. */
function withKind(line: CostLine, kind: CostLine['kind']): CostLine {
  const common = { id: line.id, label: line.label, category: line.category };
  const amount = line.kind === 'perUnit' ? line.unitCost : line.amount;
  if (kind === 'oneTime') return { ...common, kind, month: 1, amount };
  if (kind === 'monthly') return { ...common, kind, amount };
  return { ...common, kind, volume: 1, unitCost: amount };
}

/** Benefit and cost lines only the variant has (e.g. a second licence tier). */
export const VariantAddedLines: Component<{ draft: CaseDraft; id: string }> = (props) => {
  const variant = () => props.draft.document.variants?.[props.id];
  const base = () => `/variants/${props.id}`;
  const takenIds = (): string[] => [
    ...(props.draft.document.benefits ?? []).map((line) => line.id),
    ...(props.draft.document.costs ?? []).map((line) => line.id),
    ...(variant()?.addBenefits ?? []).map((line) => line.id),
    ...(variant()?.addCosts ?? []).map((line) => line.id),
  ];
  const addBenefit = (): void => {
    const id = uniqueId(`${props.id}Benefit`, takenIds());
    props.draft.mutate((doc) => {
      const v = doc.variants?.[props.id];
      if (v) v.addBenefits = [...(v.addBenefits ?? []), { id, label: 'New benefit in this variant', amount: 0, realization: 1 }];
    });
  };
  const addCost = (): void => {
    const id = uniqueId(`${props.id}Cost`, takenIds());
    props.draft.mutate((doc) => {
      const v = doc.variants?.[props.id];
      if (v) v.addCosts = [...(v.addCosts ?? []), { id, label: 'New cost in this variant', category: 'other', kind: 'monthly', amount: 0 }];
    });
  };
  const removeAt = (list: 'addBenefits' | 'addCosts', index: number): void =>
    props.draft.mutate((doc) => {
      const v = doc.variants?.[props.id];
      const lines = v?.[list];
      if (!v || !lines) return;
      lines.splice(index, 1);
      if (lines.length === 0) delete v[list];
    });
  return (
    <fieldset class="variant-part" data-testid="variant-added-lines">
      <legend>Lines only this variant has</legend>
      <For each={variant()?.addBenefits ?? []}>
        {(line, index) => (
          <AddedBenefit draft={props.draft} line={line} base={`${base()}/addBenefits/${index()}`} onRemove={() => removeAt('addBenefits', index())} />
        )}
      </For>
      <For each={variant()?.addCosts ?? []}>
        {(line, index) => <AddedCost draft={props.draft} line={line} base={`${base()}/addCosts/${index()}`} onRemove={() => removeAt('addCosts', index())} />}
      </For>
      <div class="row-actions">
        <button type="button" class="button-secondary" onClick={addBenefit}>
          + Add a benefit line to this variant
        </button>
        <button type="button" class="button-secondary" onClick={addCost}>
          + Add a cost line to this variant
        </button>
      </div>
    </fieldset>
  );
};

type BenefitLine = CaseInput['benefits'][number];

const AddedBenefit: Component<{ draft: CaseDraft; line: BenefitLine; base: string; onRemove: () => void }> = (props) => {
  const issues = () => props.draft.validation().issues;
  return (
    <fieldset class="row-card" data-line={props.line.id}>
      <legend>Added benefit: {props.line.label}</legend>
      <div class="field-grid field-grid-4">
        <TextField label="Id" value={props.line.id} onChange={(v) => props.draft.update(`${props.base}/id`, v)} issues={issues().at(`${props.base}/id`)} />
        <TextField
          class="span-3"
          label="Label"
          value={props.line.label}
          onChange={(v) => props.draft.update(`${props.base}/label`, v)}
          issues={issues().at(`${props.base}/label`)}
        />
        <div class="span-2">
          <FormulaField
            label="Gross amount per month"
            unit={`${props.draft.document.currency}/month`}
            value={props.line.amount}
            pointer={`${props.base}/amount`}
            issues={issues()}
            names={formulaNames(props.draft.document)}
            onChange={(v) => props.draft.update(`${props.base}/amount`, v)}
          />
        </div>
        <div class="span-2">
          <FormulaField
            label="Realisation (share that becomes money, 0–1)"
            value={props.line.realization ?? 1}
            pointer={`${props.base}/realization`}
            issues={issues()}
            names={formulaNames(props.draft.document)}
            onChange={(v) => props.draft.update(`${props.base}/realization`, v)}
          />
        </div>
        <div class="row-actions span-4">
          <button type="button" class="button-quiet" onClick={() => props.onRemove()}>
            Remove added benefit “{props.line.label}”
          </button>
        </div>
      </div>
    </fieldset>
  );
};

const AddedCost: Component<{ draft: CaseDraft; line: CostLine; base: string; onRemove: () => void }> = (props) => {
  const issues = () => props.draft.validation().issues;
  const formula = (label: string, field: string, value: string | number, unit?: string) => (
    <div class="span-2">
      <FormulaField
        label={label}
        unit={unit}
        value={value}
        pointer={`${props.base}/${field}`}
        issues={issues()}
        names={formulaNames(props.draft.document)}
        onChange={(v) => props.draft.update(`${props.base}/${field}`, v)}
      />
    </div>
  );
  const currency = () => props.draft.document.currency;
  return (
    <fieldset class="row-card" data-line={props.line.id}>
      <legend>Added cost: {props.line.label}</legend>
      <div class="field-grid field-grid-4">
        <TextField label="Id" value={props.line.id} onChange={(v) => props.draft.update(`${props.base}/id`, v)} issues={issues().at(`${props.base}/id`)} />
        <TextField
          class="span-3"
          label="Label"
          value={props.line.label}
          onChange={(v) => props.draft.update(`${props.base}/label`, v)}
          issues={issues().at(`${props.base}/label`)}
        />
        <SelectField
          class="span-2"
          label="Category"
          value={props.line.category}
          options={COST_CATEGORIES.map((c) => ({ value: c, label: COST_CATEGORY_LABELS[c] }))}
          onChange={(v) => props.draft.update(`${props.base}/category`, v)}
        />
        <SelectField
          class="span-2"
          label="Kind"
          value={props.line.kind}
          options={KIND_OPTIONS}
          onChange={(v) => props.draft.update(props.base, withKind(props.line, v as CostLine['kind']))}
        />
        <Switch>
          <Match when={props.line.kind === 'oneTime' && (props.line as Extract<CostLine, { kind: 'oneTime' }>)}>
            {(line) => (
              <>
                <NumberField
                  label="Month"
                  unit="month"
                  value={line().month}
                  onChange={(v) => props.draft.update(`${props.base}/month`, v)}
                  issues={issues().at(`${props.base}/month`)}
                />
                {formula('Amount', 'amount', line().amount, currency())}
              </>
            )}
          </Match>
          <Match when={props.line.kind === 'monthly' && (props.line as Extract<CostLine, { kind: 'monthly' }>)}>
            {(line) => formula('Amount per month', 'amount', line().amount, `${currency()}/month`)}
          </Match>
          <Match when={props.line.kind === 'perUnit' && (props.line as Extract<CostLine, { kind: 'perUnit' }>)}>
            {(line) => (
              <>
                {formula('Volume per month', 'volume', line().volume)}
                {formula('Cost per unit', 'unitCost', line().unitCost, currency())}
              </>
            )}
          </Match>
        </Switch>
        <div class="row-actions span-4">
          <button type="button" class="button-quiet" onClick={() => props.onRemove()}>
            Remove added cost “{props.line.label}”
          </button>
        </div>
      </div>
    </fieldset>
  );
};
