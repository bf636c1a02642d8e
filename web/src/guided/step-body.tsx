import { Match, Switch, type Component } from 'solid-js';
import type { GuidedStep } from '../lib/guided-steps.ts';
import { AdoptionStep } from './adoption-step.tsx';
import { BaselineStep } from './baseline-step.tsx';
import { CostStep } from './cost-step.tsx';
import { EconomicsStep } from './economics-step.tsx';
import type { GuidedState } from './guided-state.ts';
import { HypothesisStep } from './hypothesis-step.tsx';
import { IntakeStep } from './intake-step.tsx';
import { OwnersStep } from './owners-step.tsx';
import { PilotStep } from './pilot-step.tsx';
import { ReviewStep } from './review-step.tsx';
import { UseCaseStep } from './use-case-step.tsx';
import { VolumesStep } from './volumes-step.tsx';

/** The fields of one step. Rendered afresh for each step, so typed text never carries over. */
export const StepBody: Component<{ step: GuidedStep; state: GuidedState }> = (props) => {
  const step = props.step;
  if (step.id === 'cost') return <CostStep state={props.state} category={step.category} />;
  return (
    <Switch>
      <Match when={step.id === 'useCase'}>
        <UseCaseStep state={props.state} />
      </Match>
      <Match when={step.id === 'owners'}>
        <OwnersStep state={props.state} />
      </Match>
      <Match when={step.id === 'intake'}>
        <IntakeStep state={props.state} />
      </Match>
      <Match when={step.id === 'economics'}>
        <EconomicsStep state={props.state} />
      </Match>
      <Match when={step.id === 'baseline'}>
        <BaselineStep state={props.state} />
      </Match>
      <Match when={step.id === 'hypothesis'}>
        <HypothesisStep state={props.state} />
      </Match>
      <Match when={step.id === 'volumes'}>
        <VolumesStep state={props.state} />
      </Match>
      <Match when={step.id === 'pilot'}>
        <PilotStep state={props.state} />
      </Match>
      <Match when={step.id === 'adoption'}>
        <AdoptionStep state={props.state} />
      </Match>
      <Match when={step.id === 'review'}>
        <ReviewStep state={props.state} />
      </Match>
    </Switch>
  );
};
