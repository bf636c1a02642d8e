import { For, Show, type Component } from 'solid-js';
import type { DurableChangeReport } from '../lib/api-types.ts';

/** Whether each KPI's hypothesised change has lasted, in words. */
export const DurableList: Component<{ durable: DurableChangeReport[] }> = (props) => (
  <section class="panel durable-list" data-testid="durable-list" aria-labelledby="durable-title">
    <h3 id="durable-title">Durable process change</h3>
    <Show when={props.durable.length} fallback={<p class="muted">No KPI with a hypothesised change has measurements yet.</p>}>
      <ul class="check-list">
        <For each={props.durable}>
          {(entry) => (
            <li data-durable={entry.durable ? 'true' : 'false'}>
              <span aria-hidden="true">{entry.durable ? '✓' : '○'}</span> <strong>{entry.label}</strong>:{' '}
              {entry.durable ? 'durable change' : 'not (yet) durable'} — {entry.reason}
            </li>
          )}
        </For>
      </ul>
    </Show>
  </section>
);
