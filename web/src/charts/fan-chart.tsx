import * as Plot from '@observablehq/plot';
import type { Component, JSX } from 'solid-js';
import { CHART_COLORS } from './chart-theme.ts';
import { PlotFigure } from './plot-figure.tsx';

export interface FanChartProps {
  title: string;
  fan: { p10: number[]; p50: number[]; p90: number[] };
  formatMoney: (value: number) => string;
  formatMoneyCompact: (value: number) => string;
  caption?: JSX.Element;
  height?: number;
  testId?: string;
  onRendered?: () => void;
}

interface FanPoint {
  month: number;
  p10: number;
  p50: number;
  p90: number;
}

/**
 * Cumulative net cash flow by month: the p10–p90 band, the median solid and the band
 * edges dashed (so the three read apart without colour), with the zero line the
 * curve must cross to pay back.
 */
export const FanChart: Component<FanChartProps> = (props) => {
  const plot = (width: number): Element | null => {
    const points: FanPoint[] = props.fan.p50.map((p50, i) => ({ month: i + 1, p10: props.fan.p10[i], p50, p90: props.fan.p90[i] }));
    if (!points.length) return null;
    return Plot.plot({
      width,
      height: props.height ?? 240,
      marginLeft: 56,
      marginBottom: 40,
      style: { fontSize: '11px' },
      x: { label: 'Month after start →', ticks: Math.max(4, Math.floor(width / 70)) },
      y: { label: `↑ Cumulative net cash flow`, tickFormat: props.formatMoneyCompact, grid: true },
      marks: [
        Plot.areaY(points, { x: 'month', y1: 'p10', y2: 'p90', fill: CHART_COLORS.band, fillOpacity: 0.8 }),
        Plot.lineY(points, { x: 'month', y: 'p10', stroke: CHART_COLORS.primary, strokeDasharray: '4,3', strokeWidth: 1 }),
        Plot.lineY(points, { x: 'month', y: 'p90', stroke: CHART_COLORS.primary, strokeDasharray: '4,3', strokeWidth: 1 }),
        Plot.lineY(points, { x: 'month', y: 'p50', stroke: CHART_COLORS.primary, strokeWidth: 2 }),
        Plot.ruleY([0], { stroke: CHART_COLORS.negative }),
        Plot.text(points.slice(-1), { x: 'month', y: 'p90', text: () => 'P90', dx: -14, dy: -6, fontSize: 10 }),
        Plot.text(points.slice(-1), { x: 'month', y: 'p50', text: () => 'P50', dx: -14, dy: -6, fontSize: 10, fontWeight: 'bold' }),
        Plot.text(points.slice(-1), { x: 'month', y: 'p10', text: () => 'P10', dx: -14, dy: 10, fontSize: 10 }),
        Plot.tip(
          points,
          Plot.pointerX({
            x: 'month',
            y: 'p50',
            title: (p: FanPoint) => `Month ${p.month}\nP90 ${props.formatMoney(p.p90)}\nP50 ${props.formatMoney(p.p50)}\nP10 ${props.formatMoney(p.p10)}`,
          }),
        ),
      ],
    });
  };
  return <PlotFigure title={props.title} plot={plot} caption={props.caption} testId={props.testId} onRendered={props.onRendered} />;
};
