import { createResource, For, Show, Suspense, type Component } from 'solid-js';
import type { EstimatorCalibration } from '../../../models/calibration/estimator-calibration.ts';
import { HitRateChart } from '../charts/hit-rate-chart.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { caseHref } from '../lib/api.ts';
import { calibrationApi } from '../lib/calibration-api.ts';
import { MIN_RANGES_FOR_FACTOR } from '../editor/estimate-fields.tsx';
import '../styles/calibration.css';

const pct = (share: number): string => (Number.isFinite(share) ? `${Math.round(share * 100)} %` : '–');
const num = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });
const fmt = (value: number): string => (Number.isFinite(value) ? num.format(value) : '–');

/** The ranges one estimator gave whose values are known, each scored. */
const RangeList: Component<{ estimator: EstimatorCalibration }> = (props) => (
  <details class="estimator-ranges">
    <summary>
      {props.estimator.estimator}'s {props.estimator.n} resolved range{props.estimator.n === 1 ? '' : 's'}
    </summary>
    <div class="table-scroll">
      <table class="data-table" data-testid={`ranges-${props.estimator.estimator}`}>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Input</th>
            <th scope="col">Given on</th>
            <th scope="col">90 % range</th>
            <th scope="col">Value</th>
            <th scope="col">Known from</th>
            <th scope="col">Held?</th>
            <th scope="col">Interval score</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.estimator.ranges}>
            {(r) => (
              <tr>
                <td>
                  <a href={caseHref(r.caseId)}>{r.caseName}</a>
                </td>
                <td>{r.label}</td>
                <td>{r.on}</td>
                <td class="num">
                  {fmt(r.range.lower)} to {fmt(r.range.upper)} {r.unit}
                </td>
                <td class="num">{fmt(r.resolution.value)}</td>
                <td>{r.resolution.by === 'actuals' ? `mean of ${r.resolution.n} months of actuals` : `evidence (effective n ${fmt(r.resolution.n)})`}</td>
                <td>{r.inside ? 'inside' : 'missed'}</td>
                <td class="num">{fmt(r.score)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  </details>
);

/**
 * How well each estimator's 90 % ranges held up once the values became known, across the
 * portfolio: resolved ranges, hit rate against the 90 % target with its Wilson 95 %
 * interval, mean interval score and the widening factor that would have made them 90 % right.
 */
export const CalibrationPage: Component = () => {
  const [report] = createResource(() => calibrationApi.get());
  return (
    <main id="main" class="page calibration-page" tabindex="-1">
      <div class="page-heading">
        <h1>Calibration</h1>
        <p class="muted">How each estimator's 90 % ranges held up once the values became known.</p>
      </div>
      <Suspense fallback={<p class="muted">Loading calibration…</p>}>
        <Show when={report.error}>
          <ErrorNotice error={report.error} />
        </Show>
        <Show when={report()}>
          {(r) => (
            <>
              <p data-testid="calibration-summary">
                {r().estimators.reduce((sum, e) => sum + e.n, 0)} resolved ranges by {r().estimators.length} estimator{r().estimators.length === 1 ? '' : 's'},
                of {r().estimatedInputs} inputs that name who gave their range, in {r().cases} case{r().cases === 1 ? '' : 's'}. A range resolves when
                post-launch actuals of the quantity exist (their mean), or when evidence leaves a 90 % interval under {pct(r().evidenceResolutionShare)} of the
                range (the posterior mean).
              </p>
              <Show
                when={r().estimators.length > 0}
                fallback={<p class="muted">No resolved ranges yet: record who gave each range, then evidence or actuals.</p>}
              >
                <div class="table-scroll">
                  <table class="data-table" data-testid="calibration-table">
                    <thead>
                      <tr>
                        <th scope="col">Estimator</th>
                        <th scope="col">Resolved ranges</th>
                        <th scope="col">Hit rate (target 90 %)</th>
                        <th scope="col">95 % interval (Wilson)</th>
                        <th scope="col">Mean interval score</th>
                        <th scope="col">Widening factor for 90 %</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={r().estimators}>
                        {(e) => (
                          <tr>
                            <th scope="row">{e.estimator}</th>
                            <td class="num">{e.n}</td>
                            <td class="num">
                              {pct(e.hitRate)} ({e.hits} of {e.n})
                            </td>
                            <td class="num">
                              {pct(e.hitRateInterval.lower)} to {pct(e.hitRateInterval.upper)}
                            </td>
                            <td class="num">{fmt(e.meanIntervalScore)}</td>
                            <td class="num" classList={{ 'factor-wide': e.n >= MIN_RANGES_FOR_FACTOR && e.wideningFactor > 1.2 }}>
                              <Show
                                when={e.n >= MIN_RANGES_FOR_FACTOR}
                                fallback={
                                  <span class="muted">
                                    ×{fmt(Math.round(e.wideningFactor * 100) / 100)} (fewer than {MIN_RANGES_FOR_FACTOR} ranges)
                                  </span>
                                }
                              >
                                ×{fmt(Math.round(e.wideningFactor * 100) / 100)}
                              </Show>
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
                <HitRateChart estimators={r().estimators} target={r().target} />
                <p class="muted">
                  Interval scores are in each input's own unit (width plus 20 per unit of miss), so compare an estimator with their own record rather than with
                  others.
                </p>
                <For each={r().estimators}>{(e) => <RangeList estimator={e} />}</For>
              </Show>
            </>
          )}
        </Show>
      </Suspense>
    </main>
  );
};
