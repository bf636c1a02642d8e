import { For, Show, type Component } from 'solid-js';
import type { ActualsSaveResult } from '../lib/api-types.ts';

/**
 * What a save of actuals did, in words ("12 values saved: 9 new, 3 changed"), or the rows
 * that stopped it (nothing is saved when one row is bad).
 */
export const SaveSummary: Component<{ result: ActualsSaveResult | null; errors: string[]; failure: string | null; testId: string }> = (props) => (
  <div data-testid={props.testId} aria-live="polite">
    <Show when={props.result}>
      {(r) => (
        <p class="notice notice-success">
          {r().accepted} value{r().accepted === 1 ? '' : 's'} saved: {r().created} new, {r().updated} changed, {r().unchanged} unchanged.
        </p>
      )}
    </Show>
    <Show when={props.errors.length}>
      <div class="notice notice-error" role="alert">
        <strong>Nothing was saved: fix these rows and save again.</strong>
        <ul data-testid={`${props.testId}-errors`}>
          <For each={props.errors}>{(line) => <li>{line}</li>}</For>
        </ul>
      </div>
    </Show>
    <Show when={props.failure}>
      <p class="notice notice-error" role="alert">
        Nothing was saved: {props.failure}
      </p>
    </Show>
  </div>
);
