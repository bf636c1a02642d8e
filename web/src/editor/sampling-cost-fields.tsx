import { createSignal, type Component } from 'solid-js';
import { NumberField } from '../components/number-field.tsx';
import type { CaseDraft } from '../stores/case-draft.ts';

/**
 * What a further measurement of the input would cost (`samplingCost`: fixed plus per
 * observation), which EVSI on the Value-of-information page sets against its worth.
 */
export const SamplingCostFields: Component<{ draft: CaseDraft; name: string }> = (props) => {
  const input = () => props.draft.document.inputs[props.name];
  const issues = () => props.draft.validation().issues;
  const [open, setOpen] = createSignal(false);
  return (
    <details class="evidence-sampling-cost" open={open() || input()?.samplingCost !== undefined} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Cost of a further measurement (for EVSI)</summary>
      <div class="field-row">
        <NumberField
          label="Fixed cost"
          unit={props.draft.document.currency}
          optional
          value={input()?.samplingCost?.fixed}
          onChange={(value) =>
            props.draft.update(
              `/inputs/${props.name}/samplingCost`,
              value === undefined ? undefined : { perObservation: 0, ...input()?.samplingCost, fixed: value },
            )
          }
          issues={issues().at(`/inputs/${props.name}/samplingCost/fixed`)}
        />
        <NumberField
          label="Cost per observation"
          unit={props.draft.document.currency}
          optional
          value={input()?.samplingCost?.perObservation}
          onChange={(value) =>
            props.draft.update(
              `/inputs/${props.name}/samplingCost`,
              value === undefined ? undefined : { fixed: 0, ...input()?.samplingCost, perObservation: value },
            )
          }
          issues={issues().at(`/inputs/${props.name}/samplingCost/perObservation`)}
        />
      </div>
    </details>
  );
};
