import type { Component } from 'solid-js';
import { GUIDED_LABELS as L } from '../lib/guided-steps.ts';
import { GuidedNumber } from './guided-number.tsx';
import type { StepProps } from './guided-state.ts';

/** Step: the adoption curve, with defaults; benefits follow it, costs do not. */
export const AdoptionStep: Component<StepProps> = (props) => {
  const a = () => props.state.answers;
  return (
    <>
      <p class="section-description">
        Not everyone uses a new tool at once. Adoption follows an S-curve from the month use begins up to a ceiling; the benefits are scaled by it, the costs
        are not.
      </p>
      <div class="field-grid">
        <GuidedNumber
          label={L.adoptionCeilingPercent}
          unit="%"
          value={a().adoptionCeilingPercent}
          onChange={(v) => props.state.set('adoptionCeilingPercent', v)}
          hint="Long-run share of eligible work done with the tool."
        />
        <GuidedNumber
          label={L.adoptionMonthsToHalf}
          unit="months"
          value={a().adoptionMonthsToHalf}
          onChange={(v) => props.state.set('adoptionMonthsToHalf', v)}
        />
        <GuidedNumber
          label={L.adoptionStartMonth}
          value={a().adoptionStartMonth}
          onChange={(v) => props.state.set('adoptionStartMonth', v)}
          hint="After integration and training; 1 is the start month."
        />
      </div>
    </>
  );
};
