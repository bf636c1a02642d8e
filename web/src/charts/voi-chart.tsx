import * as Plot from '@observablehq/plot';
import type { Component } from 'solid-js';
import type { VoiRow } from '../../../models/analysis/value-of-information.ts';
import type { CaseFormat } from '../lib/format.ts';
import { truncateLabel } from '../lib/units.ts';
import { CHART_COLORS } from './chart-theme.ts';
import { PlotFigure } from './plot-figure.tsx';

/**
 * What measuring each input is worth (EVPPI, bar with ± 2 SE whisker) against what it
 * costs (a labelled diamond), one row per input worth anything: a bar reaching past its
 * diamond is worth measuring.
 */
export const VoiChart: Component<{ rows: VoiRow[]; format: CaseFormat; limit?: number }> = (props) => {
  const plot = (width: number): Element | null => {
    const rows = props.rows.filter((row) => row.evppi > 0).slice(0, props.limit ?? 10);
    if (!rows.length) return null;
    const priced = rows.filter((row) => row.measurementCost !== null);
    const marginLeft = Math.min(280, width * 0.36);
    return Plot.plot({
      width,
      height: rows.length * 30 + 70,
      marginLeft,
      marginRight: 30,
      style: { fontSize: '11px' },
      x: { label: `${props.format.currency} →`, tickFormat: props.format.moneyCompact, grid: true },
      y: {
        label: null,
        domain: rows.map((row) => row.label),
        tickSize: 0,
        tickFormat: (label: string) => truncateLabel(label, Math.floor(marginLeft / 6.2)),
        padding: 0.3,
      },
      color: { legend: true, domain: ['value of measuring first (EVPPI)', 'cost of measuring'], range: [CHART_COLORS.primary, CHART_COLORS.accent] },
      symbol: { domain: ['value of measuring first (EVPPI)', 'cost of measuring'], range: ['square', 'diamond'] },
      marks: [
        Plot.barX(rows, { y: 'label', x: 'evppi', fill: () => 'value of measuring first (EVPPI)' }),
        Plot.ruleY(rows, {
          y: 'label',
          x1: (row: VoiRow) => Math.max(0, row.evppi - 2 * row.standardError),
          x2: (row: VoiRow) => row.evppi + 2 * row.standardError,
          stroke: CHART_COLORS.neutral,
        }),
        Plot.dot(priced, { y: 'label', x: 'measurementCost', symbol: () => 'cost of measuring', fill: () => 'cost of measuring', stroke: 'white', r: 6 }),
        Plot.text(priced, { y: 'label', x: 'measurementCost', text: () => 'cost', dy: -11, fontSize: 9, fill: CHART_COLORS.accent }),
        Plot.ruleX([0]),
        Plot.tip(
          rows,
          Plot.pointerY({
            y: 'label',
            x: 'evppi',
            title: (row: VoiRow) =>
              `${row.label}\nEVPPI ${props.format.money(row.evppi)} (± ${props.format.money(row.standardError)})\ncost ${row.measurementCost === null ? 'not estimated' : props.format.money(row.measurementCost)}`,
          }),
        ),
      ],
    });
  };
  return (
    <PlotFigure
      title="What to measure next: value of information against its cost"
      plot={plot}
      caption="Bars: EVPPI with ± 2 Monte Carlo standard errors; diamonds: the cost of measuring, where the case gives it."
    />
  );
};
