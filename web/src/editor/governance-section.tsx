import { createEffect, createSignal, on, Show, type Component } from 'solid-js';
import { unwrap } from 'solid-js/store';
import type { Governance } from '../../../models/case/governance-schema.ts';
import type { Intake } from '../../../models/case/intake-schema.ts';
import { DEFAULT_RISK_TIERS } from '../../../models/governance/risk-tiers.ts';
import { EditorSection } from '../components/editor-section.tsx';
import { TextField } from '../components/text-field.tsx';
import { ClassificationPanel, type ClassificationKind } from '../governance/classification-panel.tsx';
import { IntakeQuestionnaire } from '../governance/intake-questionnaire.tsx';
import { issueText } from '../lib/case-issues.ts';
import { governanceWithIntake, withOverride } from '../lib/intake-document.ts';
import { completeIntake, unansweredQuestions } from '../lib/intake-questions.ts';
import type { CaseDraft } from '../stores/case-draft.ts';
import { governanceSettingsResource } from '../stores/governance-settings.ts';

/**
 * Risk classification at intake: the questionnaire, and the EU AI Act category and risk tier
 * it derives with the answers behind them. A half-answered questionnaire stays here until
 * every question is answered (the case format refuses it), then goes into the case whole.
 */
export const GovernanceSection: Component<{ draft: CaseDraft; readOnly?: boolean }> = (props) => {
  const governance = (): Governance | undefined => props.draft.document.governance as Governance | undefined;
  const [answers, setAnswers] = createSignal<Partial<Intake>>(structuredClone(unwrap(governance()?.intake) ?? {}));
  // A document replaced under the editor (a conflict taken, a reload) brings its own answers.
  createEffect(
    on(
      () => governance()?.intake,
      (intake) => intake && setAnswers(structuredClone(unwrap(intake))),
      { defer: true },
    ),
  );
  const tiers = () => governanceSettingsResource()?.tiers ?? null;
  const issues = () => props.draft.validation().issues;
  const save = (next: Governance | undefined) => props.draft.update('/governance', next);
  const answer = <K extends keyof Intake>(key: K, value: Intake[K]) => {
    const next = { ...answers(), [key]: value };
    if (key === 'note' && !String(value ?? '').trim()) delete next.note;
    setAnswers(next);
    const complete = completeIntake(next);
    if (complete) save(governanceWithIntake(governance(), complete, tiers()));
  };
  const override = (kind: ClassificationKind, value: { value: string; reason: string } | null) => {
    const current = governance();
    if (!current?.intake) return;
    save(withOverride({ ...current, intake: current.intake }, kind, value, tiers() ?? DEFAULT_RISK_TIERS));
  };
  const issuesOf = (kind: ClassificationKind) =>
    issues()
      .under(`/governance/${kind}`)
      .map((issue) => issueText(issue));
  const left = () => unansweredQuestions(answers());
  return (
    <EditorSection
      id="governance"
      title="Risk classification (intake)"
      problems={
        issues().under('/governance/intake').length + issues().under('/governance/euAiActCategory').length + issues().under('/governance/riskTier').length
      }
      description="Eight questions decide the case's EU AI Act category and the organisation's risk tier, which sets the gates, mandatory checklist items and approvals before scaling."
    >
      <IntakeQuestionnaire answers={answers()} onAnswer={answer} disabled={props.readOnly} />
      <TextField label="Note on the answers" optional multiline rows={2} value={answers().note} onChange={(value) => answer('note', value)} />
      <Show
        when={completeIntake(answers())}
        fallback={
          <p class="notice notice-info" data-testid="intake-left">
            {left().length} of 8 questions left: the classification appears once every question is answered.
          </p>
        }
      >
        {(intake) => (
          <ClassificationPanel
            intake={intake()}
            tiers={tiers() ?? DEFAULT_RISK_TIERS}
            category={governance()?.euAiActCategory}
            tier={governance()?.riskTier}
            onOverride={override}
            disabled={props.readOnly}
            issuesOf={issuesOf}
          />
        )}
      </Show>
    </EditorSection>
  );
};
