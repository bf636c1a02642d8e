import * as Plot from '@observablehq/plot';
import type { Component } from 'solid-js';
import type { SobolAnalysisResult, SobolRow } from '../../../models/analysis/sobol-analysis.ts';
import { truncateLabel } from '../lib/units.ts';
import { CHART_COLORS } from './chart-theme.ts';
import { PlotFigure } from './plot-figure.tsx';

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

/**
 * Sobol indices, one row per input: the wide light bar is the total-order index (the
 * input with all its interactions), the narrow dark bar inside it the first-order index
 * (the input alone); each has its bootstrap confidence interval as a whisker, and the
 * legend names both, so width as well as shade tells them apart.
 */
export const SobolChart: Component<{ result: SobolAnalysisResult; limit?: number; outputName?: string }> = (props) => {
  const plot = (width: number): Element | null => {
    const rows = props.result.rows.slice(0, props.limit ?? 10);
    if (!rows.length) return null;
    const marginLeft = Math.min(280, width * 0.36);
    const upper = Math.max(0.1, ...rows.map((row) => row.totalCi[1]), ...rows.map((row) => row.firstCi[1]));
    return Plot.plot({
      width,
      height: rows.length * 32 + 70,
      marginLeft,
      style: { fontSize: '11px' },
      x: {
        label: `Share of ${props.outputName ?? 'NPV'} variance →`,
        tickFormat: '.0%',
        grid: true,
        domain: [Math.min(0, ...rows.map((row) => row.firstCi[0])), Math.min(1, upper * 1.05)],
      },
      y: {
        label: null,
        domain: rows.map((row) => row.label),
        tickSize: 0,
        tickFormat: (label: string) => truncateLabel(label, Math.floor(marginLeft / 6.2)),
        padding: 0.25,
      },
      color: { legend: true, domain: ['total-order (with interactions)', 'first-order (alone)'], range: [CHART_COLORS.primaryLight, CHART_COLORS.primary] },
      marks: [
        Plot.barX(rows, { y: 'label', x: 'total', fill: () => 'total-order (with interactions)' }),
        Plot.barX(rows, { y: 'label', x: 'first', fill: () => 'first-order (alone)', insetTop: 7, insetBottom: 7 }),
        Plot.ruleY(rows, { y: 'label', x1: (row: SobolRow) => row.totalCi[0], x2: (row: SobolRow) => row.totalCi[1], stroke: CHART_COLORS.neutral, dy: -6 }),
        Plot.ruleY(rows, { y: 'label', x1: (row: SobolRow) => row.firstCi[0], x2: (row: SobolRow) => row.firstCi[1], stroke: CHART_COLORS.ink, dy: 6 }),
        Plot.text(rows, {
          y: 'label',
          x: 'total',
          text: (row: SobolRow) => `${pct(row.first)} / ${pct(row.total)}`,
          dx: 6,
          textAnchor: 'start',
          fontSize: 10,
          fill: CHART_COLORS.neutral,
        }),
        Plot.ruleX([0]),
        Plot.tip(
          rows,
          Plot.pointerY({
            y: 'label',
            x: 'total',
            title: (row: SobolRow) =>
              `${row.label}\nfirst-order ${pct(row.first)} (95% CI ${pct(row.firstCi[0])} to ${pct(row.firstCi[1])})\ntotal ${pct(row.total)} (95% CI ${pct(row.totalCi[0])} to ${pct(row.totalCi[1])})`,
          }),
        ),
      ],
    });
  };
  return (
    <PlotFigure
      title="Sobol indices with 95% bootstrap confidence intervals"
      plot={plot}
      caption={
        <>
          Labels: first-order / total. First-order: the share of {props.outputName ?? 'NPV'} variance the input explains alone; total: with its interactions.
          Whiskers: 95% confidence intervals.
        </>
      }
    />
  );
};
