import { createStore, type SetStoreFunction } from 'solid-js/store';
import { initialAnswers, type GuidedAnswers } from '../lib/guided-answers.ts';

/** The guided start's answers and their setter, shared by every step. */
export interface GuidedState {
  answers: GuidedAnswers;
  set: SetStoreFunction<GuidedAnswers>;
}

/**
 * A fresh guided start, defaults from `today` (YYYY-MM-DD).
 *
 * @example
 * const state = createGuidedState('2026-12-07');
 * state.set('name', 'Invoice-matching copilot');
 */
export function createGuidedState(today: string, start?: GuidedAnswers): GuidedState {
  const [answers, set] = createStore<GuidedAnswers>(start ?? initialAnswers(today));
  return { answers, set };
}

/** The props every step component takes. */
export interface StepProps {
  state: GuidedState;
}
