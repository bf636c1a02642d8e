import { Show, type Component } from 'solid-js';
import type { RunSummary } from '../../../models/engine/summarize-run.ts';
import { paybackMonths, type CaseFormat } from '../lib/format.ts';

/**
 * The figures a CFO asks first, each with its uncertainty: P(NPV > 0) with its Monte
 * Carlo error, NPV P10/P50/P90 and mean ± SE, full cost, payback and ROI.
 */
export const KeyFigures: Component<{ summary: RunSummary; format: CaseFormat; compact?: boolean }> = (props) => {
  const npv = () => props.summary.outputs.npv;
  const cost = () => props.summary.outputs.totalCosts;
  const payback = () => props.summary.outputs.discountedPaybackMonth;
  const roi = () => props.summary.outputs.roi;
  const f = () => props.format;
  const neverPays = () => {
    const p = payback();
    return p ? p.positiveInfiniteCount / (p.finiteCount + p.positiveInfiniteCount + p.negativeInfiniteCount || 1) : 0;
  };
  return (
    <dl class="key-figures" classList={{ compact: props.compact }} data-testid="key-figures">
      <div class="figure figure-primary">
        <dt>P(NPV &gt; 0)</dt>
        <dd data-testid="probability-positive">{f().percent(npv().probabilityPositive.value)}</dd>
        <dd class="figure-detail">± {f().percent(npv().probabilityPositive.standardError, 2)} MC error</dd>
      </div>
      <div class="figure">
        <dt>NPV median (P50)</dt>
        <dd data-testid="npv-p50">{f().money(npv().percentiles.p50)}</dd>
        <dd class="figure-detail">
          P10 {f().moneyCompact(npv().percentiles.p10)} · P90 {f().moneyCompact(npv().percentiles.p90)}
        </dd>
      </div>
      <div class="figure">
        <dt>NPV mean</dt>
        <dd data-testid="npv-mean">{f().money(npv().mean)}</dd>
        <dd class="figure-detail">± {f().money(npv().standardError)} MC error</dd>
      </div>
      <Show when={cost()}>
        <div class="figure">
          <dt>Full cost (mean, undiscounted)</dt>
          <dd>{f().money(cost().mean)}</dd>
          <dd class="figure-detail">
            P10 {f().moneyCompact(cost().percentiles.p10)} · P90 {f().moneyCompact(cost().percentiles.p90)}
          </dd>
        </div>
      </Show>
      <Show when={payback()}>
        <div class="figure">
          <dt>Discounted payback (median)</dt>
          <dd>{f().months(paybackMonths(payback().percentiles.p50))}</dd>
          <dd class="figure-detail">
            {f().percent(neverPays())} of trials never pay back within {props.summary.horizonMonths} months
          </dd>
        </div>
      </Show>
      <Show when={roi() && !props.compact}>
        <div class="figure">
          <dt>ROI (PV basis, median)</dt>
          <dd>{f().ratio(roi().percentiles.p50)}</dd>
          <dd class="figure-detail">
            P10 {f().ratio(roi().percentiles.p10)} · P90 {f().ratio(roi().percentiles.p90)}
          </dd>
        </div>
      </Show>
    </dl>
  );
};
