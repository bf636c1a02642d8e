import * as Plot from '@observablehq/plot';
import type { Component } from 'solid-js';
import type { RunSummary } from '../../../models/engine/summarize-run.ts';
import type { CaseFormat } from '../lib/format.ts';
import { CATEGORY_COLORS } from './chart-theme.ts';
import { PlotFigure } from './plot-figure.tsx';

interface Segment {
  year: string;
  category: string;
  amount: number;
}

/**
 * Expected cost per year, stacked by taxonomy category; the legend names every colour
 * and the tooltip names the category, and the table beside it carries the figures.
 */
export const CostByCategoryChart: Component<{ summary: RunSummary; format: CaseFormat; testId?: string }> = (props) => {
  const plot = (width: number): Element | null => {
    const rows = props.summary.costByCategory.filter((row) => row.meanTotal > 0);
    if (!rows.length) return null;
    const segments: Segment[] = rows.flatMap((row) => row.meanByYear.map((amount, i) => ({ year: `Year ${i + 1}`, category: row.label, amount })));
    return Plot.plot({
      width,
      height: 260,
      marginLeft: 56,
      marginBottom: 36,
      style: { fontSize: '11px' },
      color: { legend: true, domain: rows.map((row) => row.label), range: CATEGORY_COLORS },
      x: { label: null },
      y: { label: `↑ Expected cost per year (${props.format.currency})`, tickFormat: props.format.moneyCompact, grid: true },
      marks: [
        Plot.barY(segments, {
          x: 'year',
          y: 'amount',
          fill: 'category',
          stroke: 'white',
          strokeWidth: 0.5,
          title: (s: Segment) => `${s.year} · ${s.category}\n${props.format.money(s.amount)}`,
          tip: true,
        }),
        Plot.ruleY([0]),
      ],
    });
  };
  return <PlotFigure title="Expected cost by category and year" plot={plot} testId={props.testId} />;
};
