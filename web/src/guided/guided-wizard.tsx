import { createSignal, For, Show, type Component, type JSX } from 'solid-js';
import { allGuidedProblems, GUIDED_STEPS, guidedStepProblems } from '../lib/guided-steps.ts';
import type { GuidedState } from './guided-state.ts';
import { StepBody } from './step-body.tsx';
import './guided.css';

export interface GuidedWizardProps {
  state: GuidedState;
  /** Called by "Create case" on the review once every step passes its check. */
  onCreate: () => void;
  busy?: boolean;
  /** Shown below the first screen only (the template choice). */
  firstScreenAside?: JSX.Element;
}

/**
 * The guided start: one step per screen with a progress indicator, Back and Next. Next
 * checks the step first and, if something is missing, stays and says what, by label.
 */
export const GuidedWizard: Component<GuidedWizardProps> = (props) => {
  const [index, setIndex] = createSignal(0);
  const [attempted, setAttempted] = createSignal(false);
  const step = () => GUIDED_STEPS[index()];
  const last = () => index() === GUIDED_STEPS.length - 1;
  const problems = (): string[] => {
    if (!attempted()) return [];
    return last() ? allGuidedProblems(props.state.answers).flatMap((entry) => entry.problems) : guidedStepProblems(step(), props.state.answers);
  };
  const go = (next: number): void => {
    setAttempted(false);
    setIndex(next);
    document.getElementById('guided-step-title')?.focus();
  };
  const onNext = (): void => {
    setAttempted(true);
    if (problems().length === 0) go(index() + 1);
  };
  const onCreate = (): void => {
    setAttempted(true);
    if (problems().length === 0) props.onCreate();
  };
  return (
    <>
      <div class="guided-progress">
        <span class="guided-progress-label" data-testid="guided-progress">
          Step {index() + 1} of {GUIDED_STEPS.length}
        </span>
        <progress max={GUIDED_STEPS.length} value={index() + 1} aria-label={`Step ${index() + 1} of ${GUIDED_STEPS.length}`} />
      </div>
      <section
        class="panel guided-step"
        aria-labelledby="guided-step-title"
        data-step={step().id === 'cost' ? `cost-${(step() as { category: string }).category}` : step().id}
      >
        <h2 id="guided-step-title" tabindex="-1">
          {step().title}
        </h2>
        <Show when={step()} keyed>
          {(current) => <StepBody step={current} state={props.state} />}
        </Show>
        <Show when={problems().length}>
          <div class="notice notice-error" role="alert" data-testid="step-problems">
            <strong>Before you go on:</strong>
            <ul>
              <For each={problems()}>{(problem) => <li>{problem}</li>}</For>
            </ul>
          </div>
        </Show>
        <div class="guided-nav">
          <button type="button" class="button-secondary" disabled={index() === 0} onClick={() => go(index() - 1)}>
            ← Back
          </button>
          <Show
            when={last()}
            fallback={
              <button type="button" class="button-primary" onClick={onNext}>
                Next →
              </button>
            }
          >
            <button type="button" class="button-primary" disabled={props.busy} onClick={onCreate}>
              {props.busy ? 'Creating…' : 'Create case'}
            </button>
          </Show>
        </div>
      </section>
      <Show when={index() === 0}>{props.firstScreenAside}</Show>
    </>
  );
};
