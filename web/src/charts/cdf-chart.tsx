import * as Plot from '@observablehq/plot';
import type { Component, JSX } from 'solid-js';
import { CHART_COLORS } from './chart-theme.ts';
import { PlotFigure } from './plot-figure.tsx';

export interface CdfChartProps {
  title: string;
  cdf: { x: number; p: number }[];
  /** P(value > 0), marked on the curve at zero. */
  probabilityPositive: number;
  percentiles: { p10: number; p50: number; p90: number };
  xLabel: string;
  formatX: (value: number) => string;
  formatPercent: (value: number) => string;
  caption?: JSX.Element;
  testId?: string;
}

/**
 * The S-curve: P(NPV ≤ x). The point at zero is marked and labelled with P(NPV > 0),
 * the figure the gate decides on, and p10/p50/p90 are drawn as labelled guides.
 */
export const CdfChart: Component<CdfChartProps> = (props) => {
  const plot = (width: number): Element | null => {
    if (!props.cdf.length) return null;
    const atZero = 1 - props.probabilityPositive;
    const xs = props.cdf.map((point) => point.x);
    const showZero = Math.min(...xs) <= 0 && Math.max(...xs) >= 0;
    const guides = [
      { name: 'P10', x: props.percentiles.p10, p: 0.1 },
      { name: 'P50', x: props.percentiles.p50, p: 0.5 },
      { name: 'P90', x: props.percentiles.p90, p: 0.9 },
    ];
    return Plot.plot({
      width,
      height: 240,
      marginLeft: 48,
      marginBottom: 40,
      style: { fontSize: '11px' },
      x: { label: props.xLabel, tickFormat: props.formatX, ticks: Math.max(3, Math.floor(width / 100)) },
      y: { label: '↑ Cumulative probability P(value ≤ x)', tickFormat: '.0%', domain: [0, 1], grid: true },
      marks: [
        Plot.lineY(props.cdf, { x: 'x', y: 'p', stroke: CHART_COLORS.primary, strokeWidth: 2 }),
        Plot.dot(guides, { x: 'x', y: 'p', r: 3, fill: CHART_COLORS.neutral }),
        Plot.text(guides, { x: 'x', y: 'p', text: (g: { name: string }) => g.name, dx: 16, fontSize: 10, fill: CHART_COLORS.neutral }),
        ...(showZero
          ? [
              Plot.ruleX([0], { stroke: CHART_COLORS.negative, strokeDasharray: '4,3' }),
              Plot.dot([{ x: 0, p: atZero }], { x: 'x', y: 'p', r: 5, stroke: CHART_COLORS.negative, fill: 'white', strokeWidth: 2 }),
              Plot.text([{ x: 0, p: atZero }], {
                x: 'x',
                y: 'p',
                text: () => `P(NPV > 0) = ${props.formatPercent(props.probabilityPositive)}`,
                dx: 8,
                dy: -12,
                textAnchor: 'start',
                fontWeight: 'bold',
                fill: CHART_COLORS.negative,
              }),
            ]
          : []),
        Plot.tip(
          props.cdf,
          Plot.pointerX({
            x: 'x',
            y: 'p',
            title: (point: { x: number; p: number }) => `${props.formatX(point.x)} or less\n${props.formatPercent(point.p)} of trials`,
          }),
        ),
      ],
    });
  };
  return <PlotFigure title={props.title} plot={plot} caption={props.caption} testId={props.testId} />;
};
