import * as Plot from '@observablehq/plot';
import type { Component, JSX } from 'solid-js';
import { addHatchPattern, CHART_COLORS } from './chart-theme.ts';
import { PlotFigure } from './plot-figure.tsx';

export interface HistogramChartProps {
  title: string;
  histogram: { edges: number[]; counts: number[] };
  /** All trials with a defined value, so bars read as a share of trials. */
  total: number;
  xLabel: string;
  formatX: (value: number) => string;
  /** Hatch the bins below zero (losses) and mark zero. */
  signed?: boolean;
  /** Labels for the two sides of zero when signed. */
  signedLabels?: [string, string];
  caption?: JSX.Element;
  height?: number;
  testId?: string;
  onRendered?: () => void;
}

interface Bin {
  x1: number;
  x2: number;
  share: number;
  negative: boolean;
}

const HATCH_ID = 'vg-hatch-loss';

/**
 * A histogram of trial outcomes as shares of trials. Loss bins are hatched as well as
 * red, and zero is drawn and labelled, so the loss side reads in greyscale print too.
 */
export const HistogramChart: Component<HistogramChartProps> = (props) => {
  const plot = (width: number): Element | null => {
    const { edges, counts } = props.histogram;
    if (!counts.length) return null;
    const bins: Bin[] = counts.map((count, i) => ({
      x1: edges[i],
      x2: edges[i + 1],
      share: count / props.total,
      negative: Boolean(props.signed) && edges[i + 1] <= 0,
    }));
    const [lossLabel, gainLabel] = props.signedLabels ?? ['loss (< 0)', 'gain (> 0)'];
    const spansZero = props.signed && edges[0] < 0 && edges[edges.length - 1] > 0;
    const chart = Plot.plot({
      width,
      height: props.height ?? 240,
      marginLeft: 48,
      marginBottom: 40,
      marginTop: spansZero ? 30 : 20,
      style: { fontSize: '11px' },
      x: { label: props.xLabel, tickFormat: props.formatX, ticks: Math.max(3, Math.floor(width / 100)) },
      y: { label: '↑ Share of trials', tickFormat: '.0%', grid: true },
      marks: [
        Plot.rectY(bins, {
          x1: 'x1',
          x2: 'x2',
          y: 'share',
          insetLeft: 0.5,
          insetRight: 0.5,
          fill: (bin: Bin) => (bin.negative ? `url(#${HATCH_ID})` : CHART_COLORS.primary),
          stroke: (bin: Bin) => (bin.negative ? CHART_COLORS.negative : 'none'),
          title: (bin: Bin) => `${props.formatX(bin.x1)} to ${props.formatX(bin.x2)}\n${(bin.share * 100).toFixed(1)}% of trials`,
          tip: true,
        }),
        Plot.ruleY([0]),
        ...(spansZero
          ? [
              Plot.ruleX([0], { stroke: CHART_COLORS.negative, strokeWidth: 1.5 }),
              Plot.text([0], {
                x: (v: number) => v,
                frameAnchor: 'top',
                text: () => `← ${lossLabel}`,
                textAnchor: 'end',
                dx: -4,
                dy: -16,
                fill: CHART_COLORS.negative,
              }),
              Plot.text([0], {
                x: (v: number) => v,
                frameAnchor: 'top',
                text: () => `${gainLabel} →`,
                textAnchor: 'start',
                dx: 4,
                dy: -16,
                fill: CHART_COLORS.positive,
              }),
            ]
          : []),
      ],
    });
    if (props.signed) addHatchPattern(chart, HATCH_ID, CHART_COLORS.negative);
    return chart;
  };
  return <PlotFigure title={props.title} plot={plot} caption={props.caption} testId={props.testId} onRendered={props.onRendered} />;
};
