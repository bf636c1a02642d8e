import { Show, type Component } from 'solid-js';
import type { NpvFigures, UpdatedForecast } from '../lib/api-types.ts';
import { paybackMonths, type CaseFormat } from '../lib/format.ts';

/** The ESS under which the reweighted forecast rests on too few trials (issue 17). */
export const LOW_ESS = 500;

/**
 * The forecast before and after the actuals: NPV P5/P50/P95 and mean, P(NPV > 0), payback,
 * the value realised to date and the effective sample size; with a low ESS, the reason
 * and a button for a larger run.
 */
export const UpdatedForecastPanel: Component<{
  forecast: UpdatedForecast;
  format: CaseFormat;
  /** Trials of the larger run to offer; null when a larger run would not help (the update already uses the most trials it can). */
  largerRunTrials: number | null;
  runningLarger: boolean;
  onLargerRun: () => void;
}> = (props) => {
  const f = () => props.format;
  const npv = () => props.forecast.npv;
  const row = (label: string, pick: (n: NpvFigures) => string, testId: string) => (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      <td class="num">{pick(npv().original)}</td>
      <td class="num">{npv().updated ? pick(npv().updated as NpvFigures) : '—'}</td>
    </tr>
  );
  const ess = () => props.forecast.effectiveSampleSize;
  const low = () => props.forecast.lowEss || (ess() !== null && (ess() as number) < LOW_ESS);
  return (
    <section class="panel updated-forecast" data-testid="updated-forecast" aria-labelledby="updated-forecast-title">
      <h3 id="updated-forecast-title">The forecast updated by the actuals</h3>
      <table class="data-table compact">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col" class="num">
              Original forecast
            </th>
            <th scope="col" class="num">
              Updated by actuals
            </th>
          </tr>
        </thead>
        <tbody>
          {row('NPV P5', (n) => f().money(n.p5), 'npv-p5')}
          {row('NPV median (P50)', (n) => f().money(n.p50), 'npv-p50')}
          {row('NPV P95', (n) => f().money(n.p95), 'npv-p95')}
          {row('NPV mean', (n) => f().money(n.mean), 'npv-mean')}
          {row('P(NPV > 0)', (n) => f().percent(n.pPositive), 'npv-positive')}
          <tr data-testid="payback">
            <th scope="row">Payback (median month)</th>
            <td class="num">{f().months(paybackMonths(props.forecast.paybackMonth.original))}</td>
            <td class="num">{f().months(paybackMonths(props.forecast.paybackMonth.updated))}</td>
          </tr>
        </tbody>
      </table>
      <dl class="inline-figures">
        <div>
          <dt>Value realised to date</dt>
          <dd data-testid="realised-to-date">{f().money(props.forecast.realisedToDate)}</dd>
        </div>
        <div>
          <dt>Effective sample size</dt>
          <dd data-testid="effective-sample-size">
            {f().count(ess())} trials
            <Show when={props.forecast.storedTrials}>
              <span class="figure-detail"> of {f().count(props.forecast.storedTrials)}</span>
            </Show>
          </dd>
        </div>
      </dl>
      <Show when={low()}>
        <div class="notice notice-warning" data-testid="low-ess">
          <p>
            {props.forecast.message ??
              `Only ${f().count(ess())} of the run's trials fit the actuals (fewer than ${f().count(LOW_ESS)}): the updated figures are rough.`}
          </p>
          <Show
            when={props.largerRunTrials}
            fallback={<p>The update already uses as many trials as it can keep; check the observation error of the series.</p>}
          >
            {(trials) => (
              <button type="button" class="button-secondary" onClick={() => props.onLargerRun()} disabled={props.runningLarger}>
                {props.runningLarger ? 'Running…' : `Run a larger forecast (${f().count(trials())} trials)`}
              </button>
            )}
          </Show>
        </div>
      </Show>
      <Show when={!low() && props.forecast.message}>
        <p class="muted">{props.forecast.message}</p>
      </Show>
    </section>
  );
};
