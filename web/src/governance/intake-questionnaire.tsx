import { createUniqueId, For, Match, Show, Switch, type Component } from 'solid-js';
import type { Intake } from '../../../models/case/intake-schema.ts';
import { INTAKE_QUESTIONS, type IntakeQuestion } from '../lib/intake-questions.ts';
import '../styles/governance.css';

export interface IntakeQuestionnaireProps {
  /** The answers so far; a question is unanswered while its key is missing. */
  answers: Partial<Intake>;
  onAnswer: <K extends keyof Intake>(key: K, value: Intake[K]) => void;
  disabled?: boolean;
}

type Answers = Partial<Intake>;

/** A "tick all that apply" question; "None of these" answers it with an empty list. */
const ManyAnswers: Component<{ question: IntakeQuestion; props: IntakeQuestionnaireProps }> = (p) => {
  const chosen = () => (p.props.answers[p.question.key] as string[] | undefined) ?? undefined;
  const toggle = (value: string, on: boolean) => {
    const next = new Set(chosen() ?? []);
    if (on) next.add(value);
    else next.delete(value);
    const ordered = p.question.options.map((entry) => entry.value).filter((entry) => next.has(entry));
    p.props.onAnswer(p.question.key, ordered as never);
  };
  return (
    <div class="intake-options">
      <For each={p.question.options}>
        {(entry) => (
          <label class="checkbox">
            <input
              type="checkbox"
              disabled={p.props.disabled}
              checked={chosen()?.includes(entry.value) ?? false}
              onChange={(event) => toggle(entry.value, event.currentTarget.checked)}
            />
            {entry.label}
          </label>
        )}
      </For>
      <label class="checkbox">
        <input
          type="checkbox"
          disabled={p.props.disabled}
          checked={chosen()?.length === 0}
          onChange={(event) => event.currentTarget.checked && p.props.onAnswer(p.question.key, [] as never)}
        />
        None of these
      </label>
    </div>
  );
};

/** A single-answer question: radios for short lists, a select for the long legal ones. */
const OneAnswer: Component<{ question: IntakeQuestion; props: IntakeQuestionnaireProps }> = (p) => {
  const name = createUniqueId();
  const current = (): string | undefined => {
    const value = p.props.answers[p.question.key] as string | boolean | undefined;
    if (typeof value === 'boolean') return value ? 'yes' : 'no';
    return value;
  };
  const answer = (value: string) => p.props.onAnswer(p.question.key, (p.question.kind === 'yesNo' ? value === 'yes' : value) as never);
  return (
    <Show
      when={p.question.options.length > 4}
      fallback={
        <div class="intake-options intake-options-inline">
          <For each={p.question.options}>
            {(entry) => (
              <label class="checkbox">
                <input type="radio" name={name} disabled={p.props.disabled} checked={current() === entry.value} onChange={() => answer(entry.value)} />
                {entry.label}
              </label>
            )}
          </For>
        </div>
      }
    >
      <select aria-label={p.question.question} disabled={p.props.disabled} value={current() ?? ''} onChange={(event) => answer(event.currentTarget.value)}>
        <option value="" disabled selected={current() === undefined}>
          Choose…
        </option>
        <For each={p.question.options}>
          {(entry) => (
            <option value={entry.value} selected={current() === entry.value}>
              {entry.label}
            </option>
          )}
        </For>
      </select>
    </Show>
  );
};

/**
 * The intake questionnaire: what decisions the system touches, who is affected, personal data,
 * autonomy, the EU AI Act area and practices, and whether it talks to or writes for people.
 * Each question is a fieldset whose legend is the question, so screen readers read it with its answers.
 */
export const IntakeQuestionnaire: Component<IntakeQuestionnaireProps> = (props) => {
  const answered = (question: IntakeQuestion) => (props.answers as Answers)[question.key] !== undefined;
  return (
    <div class="intake-questions" data-testid="intake-questionnaire">
      <For each={INTAKE_QUESTIONS}>
        {(question, index) => (
          <fieldset class="intake-question" classList={{ 'intake-unanswered': !answered(question) }} data-question={question.key}>
            <legend>
              {index() + 1}. {question.question}
            </legend>
            <Show when={question.hint}>
              <p class="field-hint">{question.hint}</p>
            </Show>
            <Switch>
              <Match when={question.kind === 'many'}>
                <ManyAnswers question={question} props={props} />
              </Match>
              <Match when={true}>
                <OneAnswer question={question} props={props} />
              </Match>
            </Switch>
          </fieldset>
        )}
      </For>
    </div>
  );
};
