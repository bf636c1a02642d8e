import * as Plot from '@observablehq/plot';
import { For, Show, type Component } from 'solid-js';
import type { Portfolio, PortfolioValueFan } from '../lib/api-types.ts';
import { caseFormat } from '../lib/format.ts';
import { CHART_COLORS } from './chart-theme.ts';
import { PlotFigure } from './plot-figure.tsx';

interface MonthPoint {
  date: Date;
  label: string;
  p10: number;
  p50: number;
  p90: number;
}

/** The server's fan, per currency; the contract's single-interval form is shown as text. */
function fansOf(portfolio: Portfolio): PortfolioValueFan[] {
  return portfolio.valueFan;
}

/**
 * Portfolio value over calendar time: the total cumulative net cash flow of all cases in
 * a currency, P10–P90 band with the median, one chart per currency (amounts in different
 * currencies are never added up).
 */
export const PortfolioFanChart: Component<{ portfolio: Portfolio; localeOf?: (currency: string) => string | null | undefined }> = (props) => (
  <Show when={fansOf(props.portfolio).length} fallback={<p class="muted">The portfolio fan appears once cases can be simulated.</p>}>
    <div class="portfolio-fans" data-testid="portfolio-fan">
      <For each={fansOf(props.portfolio)}>
        {(fan) => {
          const format = caseFormat(fan.currency, props.localeOf?.(fan.currency));
          const plot = (width: number): Element | null => {
            const points: MonthPoint[] = fan.months.map((month, i) => ({
              date: new Date(`${month}-01T00:00:00Z`),
              label: month,
              p10: fan.p10[i],
              p50: fan.p50[i],
              p90: fan.p90[i],
            }));
            if (!points.length) return null;
            return Plot.plot({
              width,
              height: 230,
              marginLeft: 60,
              style: { fontSize: '11px' },
              x: { type: 'utc', label: 'Calendar month →' },
              y: { label: `↑ Cumulative net cash flow (${fan.currency})`, tickFormat: format.moneyCompact, grid: true },
              marks: [
                Plot.areaY(points, { x: 'date', y1: 'p10', y2: 'p90', fill: CHART_COLORS.band }),
                Plot.lineY(points, { x: 'date', y: 'p10', stroke: CHART_COLORS.primary, strokeDasharray: '4,3', strokeWidth: 1 }),
                Plot.lineY(points, { x: 'date', y: 'p90', stroke: CHART_COLORS.primary, strokeDasharray: '4,3', strokeWidth: 1 }),
                Plot.lineY(points, { x: 'date', y: 'p50', stroke: CHART_COLORS.primary, strokeWidth: 2 }),
                Plot.ruleY([0], { stroke: CHART_COLORS.negative }),
                Plot.text(points.slice(-1), { x: 'date', y: 'p90', text: () => 'P90', dx: -14, dy: -6, fontSize: 10 }),
                Plot.text(points.slice(-1), { x: 'date', y: 'p50', text: () => 'P50', dx: -14, dy: -6, fontSize: 10, fontWeight: 'bold' }),
                Plot.text(points.slice(-1), { x: 'date', y: 'p10', text: () => 'P10', dx: -14, dy: 10, fontSize: 10 }),
                Plot.tip(
                  points,
                  Plot.pointerX({
                    x: 'date',
                    y: 'p50',
                    title: (p: MonthPoint) => `${p.label}\nP90 ${format.money(p.p90)}\nP50 ${format.money(p.p50)}\nP10 ${format.money(p.p10)}`,
                  }),
                ),
              ],
            });
          };
          return (
            <PlotFigure
              title={`Portfolio value in ${fan.currency}: ${fan.cases} case${fan.cases === 1 ? '' : 's'}, cumulative net cash flow`}
              plot={plot}
              caption={
                <>
                  Total NPV of these cases: P10 {format.money(fan.totalNpv.p10)}, P50 {format.money(fan.totalNpv.p50)}, P90 {format.money(fan.totalNpv.p90)}{' '}
                  (mean {format.money(fan.totalNpv.mean)}); {format.count(fan.trials)} trials, shared drivers share their draws.
                </>
              }
            />
          );
        }}
      </For>
    </div>
  </Show>
);
