import type { Component } from 'solid-js';
import { TextField } from '../components/text-field.tsx';
import { GUIDED_LABELS as L } from '../lib/guided-steps.ts';
import type { StepProps } from './guided-state.ts';

/** Step 1: what the AI does and the business process it changes. */
export const UseCaseStep: Component<StepProps> = (props) => {
  const a = () => props.state.answers;
  return (
    <>
      <p class="section-description">Start with what the tool does and which process it changes: every later number refers to that process.</p>
      <TextField label={L.name} value={a().name} onChange={(v) => props.state.set('name', v)} placeholder="e.g. Invoice-matching copilot" />
      <TextField
        label="What it does"
        optional
        multiline
        rows={2}
        value={a().description}
        onChange={(v) => props.state.set('description', v)}
        placeholder="e.g. Suggests the purchase order and goods receipt for each supplier invoice"
      />
      <TextField
        label={L.process}
        value={a().process}
        onChange={(v) => props.state.set('process', v)}
        placeholder="e.g. Accounts-payable three-way matching"
        hint="The business process whose cost, time or quality should change."
      />
    </>
  );
};
