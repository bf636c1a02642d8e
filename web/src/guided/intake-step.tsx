import { Show, type Component } from 'solid-js';
import type { Intake } from '../../../models/case/intake-schema.ts';
import { DEFAULT_RISK_TIERS } from '../../../models/governance/risk-tiers.ts';
import { ClassificationPanel } from '../governance/classification-panel.tsx';
import { IntakeQuestionnaire } from '../governance/intake-questionnaire.tsx';
import { completeIntake } from '../lib/intake-questions.ts';
import { governanceSettingsResource } from '../stores/governance-settings.ts';
import type { StepProps } from './guided-state.ts';

/** Step 3: the intake questionnaire and what it derives; optional here, the editor asks again. */
export const IntakeStep: Component<StepProps> = (props) => {
  const answers = () => props.state.answers.intake ?? {};
  const answer = <K extends keyof Intake>(key: K, value: Intake[K]) => props.state.set('intake', { ...answers(), [key]: value });
  return (
    <>
      <p class="section-description">
        Eight questions classify the use case under the EU AI Act and into your organisation's risk tier, which decides the gates, the mandatory checklist items
        and the approvals it needs before scaling. Answer all of them now, or skip this screen and answer them in the case editor.
      </p>
      <IntakeQuestionnaire answers={answers()} onAnswer={answer} />
      <Show when={completeIntake(answers())}>
        {(intake) => (
          <ClassificationPanel
            intake={intake()}
            tiers={governanceSettingsResource()?.tiers ?? DEFAULT_RISK_TIERS}
            category={undefined}
            tier={undefined}
            onOverride={() => undefined}
            disabled
          />
        )}
      </Show>
    </>
  );
};
