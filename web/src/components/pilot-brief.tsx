import { For, Show, type Component } from 'solid-js';
import type { PilotVsProduction } from '../../../models/engine/summarize-run.ts';
import type { CaseFormat } from '../lib/format.ts';

/**
 * The pilot against production for a printed page: the ROI the pilot team reported, the
 * simulated pilot ROI and the full-cost production ROI side by side, the engine's
 * explanation once, and the costs production pays that the pilot never paid.
 */
export const PilotBrief: Component<{ comparison: PilotVsProduction; format: CaseFormat }> = (props) => {
  const f = () => props.format;
  const c = () => props.comparison;
  const explanation = () => c().explanation.charAt(0).toUpperCase() + c().explanation.slice(1);
  return (
    <div class="pilot-brief" data-testid="pilot-brief">
      <table class="data-table compact">
        <caption>Pilot against production (ROI)</caption>
        <thead>
          <tr>
            <th scope="col">Reported by the pilot team</th>
            <th scope="col">Pilot, simulated ({c().pilotDurationMonths} months, pilot costs only; median)</th>
            <th scope="col">Production, full cost and discounted (median; P10 to P90)</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td class="num">{c().reportedPilotRoi === null ? 'not reported' : f().ratio(c().reportedPilotRoi)}</td>
            <td class="num">{f().ratio(c().pilotRoi.percentiles.p50)}</td>
            <td class="num">
              {f().ratio(c().productionRoi.percentiles.p50)} ({f().ratio(c().productionRoi.percentiles.p10)} to {f().ratio(c().productionRoi.percentiles.p90)})
            </td>
          </tr>
        </tbody>
      </table>
      <p>{explanation()}.</p>
      <Show when={c().categoriesNeverPaid.length > 0}>
        <p>
          <strong>Costs the pilot never paid</strong> (expected totals over the horizon):{' '}
          <For each={c().categoriesNeverPaid}>
            {(row, i) => (
              <>
                {i() > 0 ? '; ' : ''}
                {row.label} {f().money(row.meanTotal)}
              </>
            )}
          </For>
          ; in all {f().money(c().categoriesNeverPaid.reduce((sum, row) => sum + row.meanTotal, 0))}.
        </p>
      </Show>
    </div>
  );
};
