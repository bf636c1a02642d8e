import type { Component } from 'solid-js';
import { EditorSection } from '../components/editor-section.tsx';
import { NumberField } from '../components/number-field.tsx';
import { SelectField } from '../components/select-field.tsx';
import type { CaseDraft } from '../stores/case-draft.ts';

/** The case's default trials, seed and sampling: the settings a stored run reproduces. */
export const SimulationSection: Component<{ draft: CaseDraft }> = (props) => {
  const issues = () => props.draft.validation().issues;
  const sim = () => props.draft.document.simulation;
  return (
    <EditorSection
      id="simulation"
      title="Simulation defaults"
      problems={issues().under('/simulation').length}
      description="Used by server runs when no other settings are given. The live preview uses the same seed and sampling."
    >
      <div class="field-grid">
        <NumberField
          label="Trials"
          optional
          value={sim()?.trials}
          onChange={(v) => props.draft.update('/simulation/trials', v)}
          issues={issues().at('/simulation/trials')}
          placeholder="10000"
        />
        <NumberField
          label="Seed"
          optional
          value={sim()?.seed}
          onChange={(v) => props.draft.update('/simulation/seed', v)}
          issues={issues().at('/simulation/seed')}
          placeholder="1"
        />
        <SelectField
          label="Sampling"
          value={sim()?.sampling ?? 'lhs'}
          options={[
            { value: 'lhs', label: 'Latin hypercube (default)' },
            { value: 'mc', label: 'Plain Monte Carlo' },
          ]}
          onChange={(v) => props.draft.update('/simulation/sampling', v)}
        />
      </div>
    </EditorSection>
  );
};
