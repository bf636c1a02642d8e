import { createSignal, type Component } from 'solid-js';
import type { Governance } from '../../../models/case/governance-schema.ts';
import { TextField } from '../components/text-field.tsx';
import { withAccountability } from '../lib/intake-document.ts';
import type { CaseDraft } from '../stores/case-draft.ts';

/**
 * The accountability model beyond the business owner and sponsor: who accepts the risk, who
 * monitors the outcome after launch, and who may stop the project (governance.accountability).
 */
export const AccountabilityFields: Component<{ draft: CaseDraft }> = (props) => {
  const issues = () => props.draft.validation().issues;
  const governance = () => props.draft.document.governance as Governance | undefined;
  const accountability = () => governance()?.accountability;
  const set = (field: 'riskOwner' | 'monitoringOwner' | 'mayStop', value: string | string[]) =>
    props.draft.update('/governance', withAccountability(governance(), field, value));
  // Typed as text so a new, still empty line survives; stored as one name per line.
  const [mayStopText, setMayStopText] = createSignal(accountability()?.mayStop?.join('\n') ?? '');
  return (
    <>
      <TextField
        label="Risk owner (accepts the risk)"
        optional
        value={accountability()?.riskOwner}
        onChange={(value) => set('riskOwner', value)}
        issues={issues().at('/governance/accountability/riskOwner')}
        hint="Approves a scale decision where the risk tier asks for it."
      />
      <TextField
        label="Monitoring owner (watches the outcome after launch)"
        optional
        value={accountability()?.monitoringOwner}
        onChange={(value) => set('monitoringOwner', value)}
        issues={issues().at('/governance/accountability/monitoringOwner')}
      />
      <TextField
        label="Who may stop the project"
        optional
        multiline
        rows={2}
        value={mayStopText()}
        onChange={(value) => {
          setMayStopText(value);
          set(
            'mayStop',
            value
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
          );
        }}
        issues={issues().under('/governance/accountability/mayStop')}
        hint="One person per line."
      />
    </>
  );
};
