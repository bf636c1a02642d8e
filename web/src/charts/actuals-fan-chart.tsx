import * as Plot from '@observablehq/plot';
import type { Component, JSX } from 'solid-js';
import type { FanMonth, ScoredObservation } from '../lib/api-types.ts';
import { CHART_COLORS } from './chart-theme.ts';
import { PlotFigure } from './plot-figure.tsx';

export interface ActualsFanChartProps {
  title: string;
  fan: FanMonth[];
  observations: ScoredObservation[];
  /** Formats a value of the series (money, share or the KPI's unit). */
  formatValue: (value: number) => string;
  formatTick: (value: number) => string;
  caption?: JSX.Element;
  testId?: string;
}

interface Point {
  month: string;
  date: Date;
  value: number;
  outside: boolean;
}

const toDate = (month: string): Date => new Date(`${month}-01T00:00:00Z`);

/** Months shown: the observed months and six after, at least a year, never beyond the forecast. */
function window(fan: FanMonth[], observations: ScoredObservation[]): FanMonth[] {
  const last = Math.max(0, ...observations.map((o) => o.monthIndex));
  const until = Math.max(12, last + 6);
  return fan.filter((m) => m.monthIndex <= until);
}

/**
 * One series' forecast fan (P5–P95 light, P10–P90 darker, P50 solid) with the actuals as
 * points: inside P10–P90 as filled circles, outside as open triangles in red, so a miss
 * reads without colour.
 */
export const ActualsFanChart: Component<ActualsFanChartProps> = (props) => {
  const plot = (width: number): Element | null => {
    const fan = window(props.fan, props.observations).map((m) => ({ ...m, date: toDate(m.month) }));
    if (!fan.length && !props.observations.length) return null;
    const band = new Map(props.fan.map((m) => [m.month, m]));
    const points: Point[] = props.observations.map((o) => {
      const m = band.get(o.month);
      return { month: o.month, date: toDate(o.month), value: o.value, outside: m ? o.value < m.p10 || o.value > m.p90 : false };
    });
    return Plot.plot({
      width,
      height: 220,
      marginLeft: 64,
      marginBottom: 36,
      style: { fontSize: '11px' },
      x: { type: 'utc', label: null, ticks: Math.max(3, Math.floor(width / 90)) },
      y: { label: null, tickFormat: props.formatTick, grid: true },
      marks: [
        Plot.areaY(fan, { x: 'date', y1: 'p5', y2: 'p95', fill: CHART_COLORS.band, fillOpacity: 0.5 }),
        Plot.areaY(fan, { x: 'date', y1: 'p10', y2: 'p90', fill: CHART_COLORS.band, fillOpacity: 0.9 }),
        Plot.lineY(fan, { x: 'date', y: 'p50', stroke: CHART_COLORS.primary, strokeWidth: 2 }),
        Plot.dot(
          points.filter((p) => !p.outside),
          { x: 'date', y: 'value', r: 4, fill: CHART_COLORS.ink, stroke: 'white' },
        ),
        Plot.dot(
          points.filter((p) => p.outside),
          { x: 'date', y: 'value', r: 5, symbol: 'triangle', stroke: CHART_COLORS.negative, strokeWidth: 2, fill: 'white' },
        ),
        Plot.tip(
          points,
          Plot.pointer({
            x: 'date',
            y: 'value',
            title: (p: Point) => {
              const m = band.get(p.month);
              return `${p.month}: actual ${props.formatValue(p.value)}${m ? `\nforecast P50 ${props.formatValue(m.p50)} (P10 ${props.formatValue(m.p10)} – P90 ${props.formatValue(m.p90)})` : ''}`;
            },
          }),
        ),
      ],
    });
  };
  return <PlotFigure title={props.title} plot={plot} caption={props.caption} testId={props.testId} empty="No forecast for this series in the stored run." />;
};
