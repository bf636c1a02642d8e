import { For, Show, type Component } from 'solid-js';
import type { ActualsChange } from '../lib/api-types.ts';
import type { CaseFormat } from '../lib/format.ts';

/** Who changed which actual, when, and from what: newest first, folded away until asked for. */
export const ActualsHistory: Component<{
  changes: ActualsChange[];
  format: CaseFormat;
  labelOf: (seriesId: string) => string;
  unitOf: (seriesId: string) => string;
}> = (props) => {
  const newestFirst = () => [...props.changes].sort((a, b) => (a.changedAt < b.changedAt ? 1 : a.changedAt > b.changedAt ? -1 : 0));
  const amount = (value: number | null, series: string): string => props.format.withUnit(value, props.unitOf(series));
  return (
    <details class="panel actuals-history" data-testid="actuals-history">
      <summary>
        Who changed what ({props.changes.length} change{props.changes.length === 1 ? '' : 's'})
      </summary>
      <Show when={props.changes.length} fallback={<p class="muted">No actual has been entered yet.</p>}>
        <ol class="change-list">
          <For each={newestFirst()}>
            {(change) => (
              <li>
                <strong>
                  {props.labelOf(change.series)}, {change.month}
                </strong>
                :{' '}
                <Show when={change.previousValue !== null && change.previousValue !== undefined} fallback={<>entered {amount(change.value, change.series)}</>}>
                  changed from {amount(change.previousValue, change.series)} to {amount(change.value, change.series)}
                </Show>{' '}
                by {change.changedBy} on {props.format.dateTime(change.changedAt)}
                <Show when={change.note}>
                  <span class="muted"> — “{change.note}”</span>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </details>
  );
};
