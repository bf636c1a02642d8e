import * as Plot from '@observablehq/plot';
import type { Component } from 'solid-js';
import type { TornadoResult } from '../../../models/analysis/tornado-analysis.ts';
import { outputAxis, type OutputAxis } from '../components/output-picker.tsx';
import type { CaseFormat } from '../lib/format.ts';
import { formatUnitValue, truncateLabel } from '../lib/units.ts';
import { CHART_COLORS } from './chart-theme.ts';
import { PlotFigure } from './plot-figure.tsx';

interface Bar {
  label: string;
  end: 'low' | 'high';
  from: number;
  to: number;
  inputValue: string;
}

/**
 * Tornado: NPV with each input alone at its low and high percentile, the others at their
 * medians. Each bar end is labelled with the input value that produces it, so the two
 * ends are told apart by text, not only by shade.
 */
export const TornadoChart: Component<{
  result: TornadoResult;
  format: CaseFormat;
  limit?: number;
  units?: Record<string, string>;
  testId?: string;
  height?: number;
  /** The output the tornado swings (NPV unless told). */
  axis?: OutputAxis;
}> = (props) => {
  const axis = (): OutputAxis => props.axis ?? outputAxis(props.format, 'npv', 'currency');
  const plot = (width: number): Element | null => {
    const rows = props.result.bars.slice(0, props.limit ?? 12);
    if (!rows.length) return null;
    const base = props.result.baselineOutput;
    const bars: Bar[] = rows.flatMap((row) => [
      { label: row.label, end: 'low' as const, from: base, to: row.outputAtLow, inputValue: formatUnitValue(props.format, row.lowValue, row.unit) },
      { label: row.label, end: 'high' as const, from: base, to: row.outputAtHigh, inputValue: formatUnitValue(props.format, row.highValue, row.unit) },
    ]);
    const low = `P${Math.round(props.result.lowPercentile * 100)}`;
    const high = `P${Math.round(props.result.highPercentile * 100)}`;
    return Plot.plot({
      width,
      height: props.height ?? Math.max(160, rows.length * 34 + 60),
      marginLeft: Math.min(280, width * 0.34),
      marginRight: 20,
      style: { fontSize: '11px' },
      // Insets leave room for the input values printed at the bar ends.
      x: { label: `${axis().name} (${axis().unit}) →`, tickFormat: axis().compact, grid: true, insetLeft: 100, insetRight: 100 },
      y: {
        label: null,
        domain: rows.map((row) => row.label),
        tickSize: 0,
        tickFormat: (label: string) => truncateLabel(label, Math.floor(Math.min(280, width * 0.34) / 6.2)),
      },
      color: { domain: [`input at ${low}`, `input at ${high}`], range: [CHART_COLORS.primaryLight, CHART_COLORS.primary], legend: true },
      marks: [
        Plot.barX(bars, {
          y: 'label',
          x1: 'from',
          x2: 'to',
          fill: (bar: Bar) => `input at ${bar.end === 'low' ? low : high}`,
          title: (bar: Bar) => `${bar.label} at ${bar.end === 'low' ? low : high} (${bar.inputValue})\n${axis().name} ${axis().value(bar.to)}`,
          tip: true,
        }),
        Plot.text(
          bars.filter((bar) => bar.to >= bar.from),
          { y: 'label', x: 'to', text: 'inputValue', textAnchor: 'start', dx: 4, fontSize: 9, fill: CHART_COLORS.neutral },
        ),
        Plot.text(
          bars.filter((bar) => bar.to < bar.from),
          { y: 'label', x: 'to', text: 'inputValue', textAnchor: 'end', dx: -4, fontSize: 9, fill: CHART_COLORS.neutral },
        ),
        Plot.ruleX([base], { stroke: CHART_COLORS.neutral }),
        // Zero is where money is lost; a payback in months has no such line.
        axis().unit === 'months' ? null : Plot.ruleX([0], { stroke: CHART_COLORS.negative, strokeDasharray: '4,3' }),
      ],
    });
  };
  return (
    <PlotFigure
      title={`Tornado: ${axis().name} when each input alone moves from its P${Math.round(props.result.lowPercentile * 100)} to its P${Math.round(props.result.highPercentile * 100)}`}
      plot={plot}
      testId={props.testId}
      caption={
        <>
          Base {axis().name} (every input at its median): {axis().value(props.result.baselineOutput)}. Bars are sorted by swing; labels show the input value at
          each end.
        </>
      }
    />
  );
};
