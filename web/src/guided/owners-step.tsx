import { Show, type Component } from 'solid-js';
import { TextField } from '../components/text-field.tsx';
import { GUIDED_LABELS as L } from '../lib/guided-steps.ts';
import type { StepProps } from './guided-state.ts';

/** Step 2: who answers for the outcome, and who pays. */
export const OwnersStep: Component<StepProps> = (props) => {
  const a = () => props.state.answers;
  const same = () => a().businessOwner.trim() !== '' && a().businessOwner.trim().toLowerCase() === a().sponsor.trim().toLowerCase();
  return (
    <>
      <p class="section-description">
        The <strong>business owner</strong> is accountable for the outcome in the process after launch: the person whose budget and targets change. The{' '}
        <strong>sponsor</strong> funds the change. They are usually different people; without a business owner the gate recommends keeping the case as research.
      </p>
      <TextField
        label={L.businessOwner}
        value={a().businessOwner}
        onChange={(v) => props.state.set('businessOwner', v)}
        placeholder="e.g. Head of Accounts Payable"
        hint="Accountable for the process outcome; not the sponsor."
      />
      <TextField
        label={L.sponsor}
        value={a().sponsor}
        onChange={(v) => props.state.set('sponsor', v)}
        placeholder="e.g. CFO"
        hint="Funds the change and decides at the gate."
      />
      <TextField label="Prepared by" optional value={a().preparedBy} onChange={(v) => props.state.set('preparedBy', v)} />
      <Show when={same()}>
        <p class="notice notice-warning" data-testid="owner-is-sponsor">
          The business owner and the sponsor are the same person. That is allowed, but the gate expects someone in the process to own the outcome.
        </p>
      </Show>
    </>
  );
};
