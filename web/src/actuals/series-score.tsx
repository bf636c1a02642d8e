import { For, Show, type Component } from 'solid-js';
import { ActualsFanChart } from '../charts/actuals-fan-chart.tsx';
import type { ActualsSeriesReport } from '../lib/api-types.ts';
import type { CaseFormat } from '../lib/format.ts';
import { PitHistogram } from './pit-histogram.tsx';
import { percentileLabel, regateSentence, seriesTick, seriesValue } from './regate-words.ts';

/**
 * One series scored against its forecast: the fan with the actuals on it, each actual's
 * percentile, CRPS and 90 % interval score, the share inside P5–P95, the PIT histogram
 * and the re-gate flag in words.
 */
export const SeriesScore: Component<{ series: ActualsSeriesReport; format: CaseFormat }> = (props) => {
  const value = () => seriesValue(props.format, props.series.unit);
  const flag = () => regateSentence(props.series);
  const caption = () => {
    const n = props.series.observations.length;
    if (!n) return 'No actual yet: the band is the forecast from the stored run.';
    const inside = props.series.coverage90;
    return `${n} actual${n === 1 ? '' : 's'}; ${props.format.percent(inside, 0)} inside the forecast's P5–P95 (about 90 % expected). Triangles are outside P10–P90.`;
  };
  return (
    <section class="panel series-score" data-testid={`series-${props.series.id}`} data-flagged={props.series.regate.flagged ? 'true' : 'false'}>
      <h4>{props.series.label}</h4>
      <Show when={flag()}>
        <p class="notice notice-warning regate-flag" data-testid="regate-flag">
          ⚠ {flag()}
        </p>
      </Show>
      <ActualsFanChart
        title={`${props.series.label}: forecast P5–P95, P10–P90 and P50, with the actuals`}
        fan={props.series.fan}
        observations={props.series.observations}
        formatValue={(v) => value()(v)}
        formatTick={seriesTick(props.format, props.series.unit)}
        caption={caption()}
        testId={`actuals-chart-${props.series.id}`}
      />
      <Show when={props.series.observations.length}>
        <div class="series-score-detail">
          <table class="data-table compact" data-testid="score-table">
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col" class="num">
                  Actual
                </th>
                <th scope="col" class="num">
                  Percentile
                </th>
                <th scope="col" class="num">
                  CRPS
                </th>
                <th scope="col" class="num">
                  90 % interval score
                </th>
                <th scope="col">Inside P5–P95</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.series.observations}>
                {(o) => (
                  <tr>
                    <th scope="row">{o.month}</th>
                    <td class="num">{value()(o.value)}</td>
                    <td class="num">{percentileLabel(o.pit)}</td>
                    <td class="num">{value()(o.crps)}</td>
                    <td class="num">{value()(o.intervalScore)}</td>
                    <td>{o.inside90 === null ? '—' : o.inside90 ? 'Yes' : 'No'}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
          <div class="series-score-side">
            <p>
              <strong>{props.format.percent(props.series.coverage90, 0)}</strong> of actuals inside P5–P95
            </p>
            <Show when={props.series.pitHistogram.length}>
              <PitHistogram counts={props.series.pitHistogram} label="Where the actuals fell in the forecast" />
            </Show>
          </div>
        </div>
      </Show>
    </section>
  );
};
