import { For, type Component } from 'solid-js';

/**
 * A small PIT histogram: how many actuals fell in each tenth (or bin) of the forecast.
 * Flat means calibrated; piled on the left, the actuals keep coming in low.
 */
export const PitHistogram: Component<{ counts: number[]; label: string }> = (props) => {
  const most = () => Math.max(1, ...props.counts);
  const bins = () => props.counts.length;
  const describe = () => props.counts.map((count, i) => `${Math.round((i * 100) / bins())}–${Math.round(((i + 1) * 100) / bins())}: ${count}`).join(', ');
  return (
    <figure class="pit-histogram" aria-label={`${props.label}: ${describe()}`} data-testid="pit-histogram">
      <div class="pit-bars" aria-hidden="true">
        <For each={props.counts}>
          {(count, i) => (
            <span
              class="pit-bar"
              style={{ height: `${(count / most()) * 100}%` }}
              title={`P${Math.round((i() * 100) / bins())}–P${Math.round(((i() + 1) * 100) / bins())}: ${count}`}
            />
          )}
        </For>
      </div>
      <figcaption class="muted">{props.label} (P0 left, P100 right)</figcaption>
    </figure>
  );
};
