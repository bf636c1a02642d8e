import { For, Show, type Component } from 'solid-js';
import type { PilotVsProduction } from '../../../models/engine/summarize-run.ts';
import type { CaseFormat } from '../lib/format.ts';

/**
 * The pilot's ROI beside the full-cost production ROI, the overstatement factor, and the
 * cost categories production pays that the pilot never did: the usual gap between a pilot
 * deck and a business case.
 */
export const PilotVsProductionView: Component<{ comparison: PilotVsProduction; format: CaseFormat }> = (props) => {
  const f = () => props.format;
  const c = () => props.comparison;
  return (
    <section class="panel pilot-vs-production" aria-labelledby="pvp-title" data-testid="pilot-vs-production">
      <h2 id="pvp-title">Pilot ROI against full-cost production ROI</h2>
      <div class="side-by-side">
        <div class="roi-box">
          <h3>Pilot ({c().pilotDurationMonths} months, pilot costs only)</h3>
          <p class="roi-figure">{f().ratio(c().pilotRoi.percentiles.p50)}</p>
          <p class="figure-detail">
            median; P10 {f().ratio(c().pilotRoi.percentiles.p10)} · P90 {f().ratio(c().pilotRoi.percentiles.p90)}
          </p>
          <Show when={c().reportedPilotRoi !== null}>
            <p class="figure-detail">Reported by the pilot team: {f().ratio(c().reportedPilotRoi)}</p>
          </Show>
        </div>
        <div class="roi-versus" aria-hidden="true">
          vs
        </div>
        <div class="roi-box">
          <h3>Production (full cost, PV basis)</h3>
          <p class="roi-figure">{f().ratio(c().productionRoi.percentiles.p50)}</p>
          <p class="figure-detail">
            median; P10 {f().ratio(c().productionRoi.percentiles.p10)} · P90 {f().ratio(c().productionRoi.percentiles.p90)}
          </p>
        </div>
        <div class="roi-box roi-factor">
          <h3>Overstatement factor</h3>
          <p class="roi-figure">{c().overstatementFactor === null ? 'n/a' : `×${c().overstatementFactor!.toFixed(1)}`}</p>
          <p class="figure-detail">{c().explanation}</p>
        </div>
      </div>
      <Show when={c().categoriesNeverPaid.length > 0}>
        <table class="data-table compact">
          <caption>Costs production pays that the pilot never paid</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col" class="num">
                Expected total over the horizon ({f().currency})
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={c().categoriesNeverPaid}>
              {(row) => (
                <tr>
                  <td>{row.label}</td>
                  <td class="num">{f().money(row.meanTotal)}</td>
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total never paid by the pilot</th>
              <td class="num">{f().money(c().categoriesNeverPaid.reduce((sum, row) => sum + row.meanTotal, 0))}</td>
            </tr>
          </tfoot>
        </table>
      </Show>
    </section>
  );
};
