import { For, Show, type Component } from 'solid-js';
import type { BusinessCase } from '../../../models/case/case-schema.ts';
import type { ScalingPlanPart } from '../../../models/case/scaling-plan-schema.ts';
import { scalingPlanChecks } from '../../../models/gate/scaling-plan-checks.ts';
import { EditorSection } from '../components/editor-section.tsx';
import { TextField } from '../components/text-field.tsx';
import type { CaseDraft } from '../stores/case-draft.ts';
import { PlanRowList } from './plan-row-list.tsx';

const STATUS_WORDS = { yes: 'Complete', partly: 'Incomplete', no: 'Missing' } as const;

/**
 * The scaling plan: integration (systems touched, milestones with owners and dates),
 * adoption (training, champions, managers' role, a rollout timeline checked against the
 * adoption curve), post-launch accountability and the value-measurement approach. Each
 * part shows whether the gate counts it as complete.
 */
export const ScalingPlanSection: Component<{ draft: CaseDraft }> = (props) => {
  const issues = () => props.draft.validation().issues;
  const plan = () => props.draft.document.scalingPlan;
  const checks = () => scalingPlanChecks(props.draft.document as Pick<BusinessCase, 'scalingPlan' | 'measurementPlan'>);
  const check = (part: ScalingPlanPart) => checks().find((c) => c.part === part)!;
  const text = (pointer: string) => (value: string) => props.draft.update(pointer, value === '' ? undefined : value);
  const timelineWarnings = () => props.draft.validation().warnings.filter((w) => w.path.startsWith('/scalingPlan/adoption/timeline'));
  const mp = () => props.draft.document.measurementPlan;

  const PartStatus: Component<{ part: ScalingPlanPart }> = (p) => (
    <p class={`plan-status plan-status-${check(p.part).passed}`} data-plan-status={p.part}>
      <strong>{STATUS_WORDS[check(p.part).passed]}</strong>
      <Show when={check(p.part).passed !== 'yes'}>: {check(p.part).detail}. The gate counts it as an unmet readiness item.</Show>
    </p>
  );

  return (
    <EditorSection
      id="scaling-plan"
      title="Scaling plan"
      problems={issues().under('/scalingPlan').length}
      description="How the pilot becomes a production service. The business case document prints these plans; the gate counts a missing or incomplete part as an unmet readiness item."
    >
      <h3>Integration plan</h3>
      <PartStatus part="integration" />
      <h4>Systems touched</h4>
      <PlanRowList
        draft={props.draft}
        pointer="/scalingPlan/integration/systems"
        rows={plan()?.integration?.systems ?? []}
        itemName="System"
        template={{ name: 'System name' }}
        fields={[
          { key: 'name', label: 'System', kind: 'text', class: 'span-2' },
          { key: 'change', label: 'What changes', kind: 'text', optional: true, class: 'span-4' },
          { key: 'owner', label: 'Owner', kind: 'text', optional: true, class: 'span-2' },
        ]}
      />
      <h4>Milestones</h4>
      <PlanRowList
        draft={props.draft}
        pointer="/scalingPlan/integration/milestones"
        rows={plan()?.integration?.milestones ?? []}
        itemName="Milestone"
        template={{ label: 'What is delivered' }}
        fields={[
          { key: 'label', label: 'Milestone', kind: 'text', class: 'span-4' },
          { key: 'owner', label: 'Owner', kind: 'text', optional: true, class: 'span-2' },
          { key: 'due', label: 'Due', kind: 'date', optional: true, class: 'span-2' },
        ]}
      />

      <h3>Adoption plan</h3>
      <PartStatus part="adoption" />
      <TextField label="Training" multiline optional value={plan()?.adoption?.training} onChange={text('/scalingPlan/adoption/training')} />
      <TextField label="Champions" multiline optional value={plan()?.adoption?.champions} onChange={text('/scalingPlan/adoption/champions')} />
      <TextField label="Managers’ role" multiline optional value={plan()?.adoption?.managersRole} onChange={text('/scalingPlan/adoption/managersRole')} />
      <h4>Rollout timeline</h4>
      <p class="muted">
        Each step says by which case month usage reaches which share of the adoption curve’s ceiling (0.9 = 90 %); it is checked against the curve.
      </p>
      <PlanRowList
        draft={props.draft}
        pointer="/scalingPlan/adoption/timeline"
        rows={plan()?.adoption?.timeline ?? []}
        itemName="Rollout step"
        template={{ label: 'Full rollout', month: 6, reach: 0.9 }}
        fields={[
          { key: 'label', label: 'Step', kind: 'text', class: 'span-2' },
          { key: 'month', label: 'By case month', kind: 'number', class: 'span-2' },
          { key: 'reach', label: 'Share of the ceiling (0–1)', kind: 'number', class: 'span-2' },
        ]}
      />
      <For each={timelineWarnings()}>
        {(warning) => (
          <p class="notice notice-warning" role="status" data-testid="timeline-warning">
            {warning.message}
          </p>
        )}
      </For>

      <h3>Post-launch accountability</h3>
      <PartStatus part="accountability" />
      <PlanRowList
        draft={props.draft}
        pointer="/scalingPlan/accountability/measures"
        rows={plan()?.accountability?.measures ?? []}
        itemName="Measurement"
        template={{ who: 'Who', what: 'Measures what', when: 'When' }}
        fields={[
          { key: 'who', label: 'Who', kind: 'text', class: 'span-2' },
          { key: 'what', label: 'Measures what', kind: 'text', class: 'span-4' },
          { key: 'when', label: 'When', kind: 'text', class: 'span-2' },
        ]}
      />
      <TextField label="Who can stop it" optional value={plan()?.accountability?.canStop} onChange={text('/scalingPlan/accountability/canStop')} />
      <TextField
        label="When it stops (trigger)"
        optional
        value={plan()?.accountability?.stopTrigger}
        onChange={text('/scalingPlan/accountability/stopTrigger')}
      />

      <h3>Value-measurement approach</h3>
      <PartStatus part="valueMeasurement" />
      <Show when={mp()} fallback={<p class="notice notice-warning">No measurement plan yet: write it under Baseline and hypothesis.</p>}>
        {(plan) => (
          <p class="muted">
            From the measurement plan: {plan().metric}, by {plan().method}, {plan().when}
            {plan().owner ? ` (${plan().owner})` : ''}.
          </p>
        )}
      </Show>
      <TextField
        label="Attribution: how the change is attributed to the tool"
        multiline
        optional
        value={plan()?.valueMeasurement?.attribution}
        onChange={text('/scalingPlan/valueMeasurement/attribution')}
      />
      <TextField
        label="Reporting: how and to whom value is reported"
        multiline
        optional
        value={plan()?.valueMeasurement?.reporting}
        onChange={text('/scalingPlan/valueMeasurement/reporting')}
      />
    </EditorSection>
  );
};
