import { Show, type Component } from 'solid-js';
import { SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
import { COST_CATEGORIES, type CostCategory } from '../../../models/case/cost-categories.ts';
import { costCategoryLabel } from '../lib/guided-answers.ts';
import { GUIDED_LABELS as L } from '../lib/guided-steps.ts';
import { GuidedNumber } from './guided-number.tsx';
import type { StepProps } from './guided-state.ts';

/** Step 7: the pilot's scope, duration, cost and the result it reported. */
export const PilotStep: Component<StepProps> = (props) => {
  const a = () => props.state.answers;
  return (
    <>
      <p class="section-description">
        The pilot is set against production: valuegate recomputes its ROI on its own scope and costs, and shows what the pilot did not pay for.
      </p>
      <label class="checkbox">
        <input type="checkbox" checked={!a().hadPilot} onChange={(e) => props.state.set('hadPilot', !e.currentTarget.checked)} />
        There was no pilot
      </label>
      <Show when={a().hadPilot}>
        <TextField
          label={L.pilotScope}
          multiline
          rows={2}
          value={a().pilotScope}
          onChange={(v) => props.state.set('pilotScope', v)}
          placeholder="e.g. Two AP clerks, one supplier segment, no ERP integration"
        />
        <div class="field-grid">
          <GuidedNumber label={L.pilotScopePercent} unit="%" value={a().pilotScopePercent} onChange={(v) => props.state.set('pilotScopePercent', v)} />
          <GuidedNumber label={L.pilotMonths} unit="months" value={a().pilotMonths} onChange={(v) => props.state.set('pilotMonths', v)} />
          <GuidedNumber label={L.pilotCost} unit={a().currency} value={a().pilotCost} onChange={(v) => props.state.set('pilotCost', v)} />
          <SelectField
            label="Mostly spent on"
            value={a().pilotCostCategory}
            options={COST_CATEGORIES.map((category) => ({ value: category, label: costCategoryLabel(category) }))}
            onChange={(v) => props.state.set('pilotCostCategory', v as CostCategory)}
          />
          <GuidedNumber
            label="ROI the pilot reported"
            unit="%"
            optional
            value={a().pilotRoiPercent}
            onChange={(v) => props.state.set('pilotRoiPercent', v)}
            hint="As the pilot team reported it, e.g. 250"
          />
        </div>
      </Show>
    </>
  );
};
