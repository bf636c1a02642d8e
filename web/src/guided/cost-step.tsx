import { Show, type Component } from 'solid-js';
import { TextField } from '../components/text-field.tsx';
import { COST_CATEGORY_HINTS, costCategoryLabel, type CostAnswer, type GuidedCostCategory } from '../lib/guided-answers.ts';
import { GUIDED_LABELS as L } from '../lib/guided-steps.ts';
import { GuidedNumber } from './guided-number.tsx';
import type { StepProps } from './guided-state.ts';

/**
 * One production-cost category: answered with a cost (one-time and/or monthly) or with
 * "none" and the reason. Blank is not an answer: pilots most often leave out exactly these.
 */
export const CostStep: Component<StepProps & { category: GuidedCostCategory }> = (props) => {
  const answer = () => props.state.answers.costs[props.category];
  const set = <K extends keyof CostAnswer>(key: K, value: CostAnswer[K]): void => props.state.set('costs', props.category, key, value);
  const label = () => costCategoryLabel(props.category);
  const currency = () => props.state.answers.currency;
  return (
    <>
      <p class="section-description">
        <strong>{label()}</strong> in production usually covers: {COST_CATEGORY_HINTS[props.category]}.
      </p>
      <div class="guided-choice" role="radiogroup" aria-label={`${label()}: cost or none`}>
        <label class="checkbox">
          <input type="radio" name={`cost-${props.category}`} checked={answer().answer === 'cost'} onChange={() => set('answer', 'cost')} />
          It costs something in production
        </label>
        <label class="checkbox">
          <input type="radio" name={`cost-${props.category}`} checked={answer().answer === 'none'} onChange={() => set('answer', 'none')} />
          None: this case has no {label().toLowerCase()} cost
        </label>
      </div>
      <Show when={answer().answer === 'cost'}>
        <div class="field-grid">
          <GuidedNumber label={L.oneTime} unit={currency()} optional value={answer().oneTime} onChange={(v) => set('oneTime', v)} />
          <GuidedNumber
            label={L.oneTimeMonth}
            optional
            value={answer().oneTimeMonth}
            onChange={(v) => set('oneTimeMonth', v)}
            hint="Month of the one-time amount (1 = the start month)."
          />
          <GuidedNumber
            label={L.monthly}
            unit={`${currency()}/month`}
            optional
            value={answer().monthly}
            onChange={(v) => set('monthly', v)}
            hint="Paid every month of the horizon."
          />
        </div>
      </Show>
      <Show when={answer().answer === 'none'}>
        <TextField
          label={L.reason}
          value={answer().reason}
          onChange={(v) => set('reason', v)}
          placeholder="e.g. Covered by the existing licence"
          hint="Recorded in the case; the gate shows it instead of a hidden-cost warning."
        />
      </Show>
    </>
  );
};
