import * as Plot from '@observablehq/plot';
import type { Component } from 'solid-js';
import type { DistributionView } from '../../../models/evidence/evidence-comparison.ts';
import type { CaseFormat } from '../lib/format.ts';
import { formatUnitValue } from '../lib/units.ts';
import { CHART_COLORS } from './chart-theme.ts';
import { PlotFigure } from './plot-figure.tsx';

interface Band extends DistributionView {
  label: string;
}

/**
 * An input's stated range (the prior) and the distribution its evidence updates it to,
 * as two 90 % bars (p5 to p95) with the median as a dot and the mean as a tick, on one
 * axis in the input's unit.
 */
export const EvidenceChart: Component<{ prior: DistributionView; updated: DistributionView; unit: string; format: CaseFormat; testId?: string }> = (props) => {
  const value = (x: number): string => formatUnitValue(props.format, x, props.unit);
  const plot = (width: number): Element | null => {
    const rows: Band[] = [
      { ...props.prior, label: 'Stated range (prior)' },
      { ...props.updated, label: 'After the evidence' },
    ];
    if (!rows.every((row) => Number.isFinite(row.p5) && Number.isFinite(row.p95))) return null;
    return Plot.plot({
      width: Math.min(width, 560),
      height: 110,
      marginLeft: 140,
      marginRight: 20,
      style: { fontSize: '11px' },
      x: { label: `${props.unit} →`, grid: true },
      y: { label: null, domain: rows.map((row) => row.label), padding: 0.35 },
      marks: [
        Plot.barX(rows, {
          y: 'label',
          x1: 'p5',
          x2: 'p95',
          fill: (row: Band) => (row.label === rows[0].label ? CHART_COLORS.primaryLight : CHART_COLORS.primary),
        }),
        Plot.tickX(rows, { y: 'label', x: 'mean', stroke: CHART_COLORS.accent, strokeWidth: 2 }),
        Plot.dot(rows, { y: 'label', x: 'p50', fill: 'white', stroke: CHART_COLORS.ink, r: 4 }),
        Plot.tip(
          rows,
          Plot.pointerY({
            y: 'label',
            x: 'p50',
            title: (row: Band) => `${row.label}\n90%: ${value(row.p5)} to ${value(row.p95)}\nmedian ${value(row.p50)}, mean ${value(row.mean)}`,
          }),
        ),
      ],
    });
  };
  return (
    <PlotFigure
      title="Stated range and the range after the evidence"
      testId={props.testId}
      plot={plot}
      caption={`Bars: 90% ranges; dot: median; tick: mean. Before ${value(props.prior.p5)} to ${value(props.prior.p95)} (median ${value(props.prior.p50)}); after ${value(props.updated.p5)} to ${value(props.updated.p95)} (median ${value(props.updated.p50)}).`}
    />
  );
};
