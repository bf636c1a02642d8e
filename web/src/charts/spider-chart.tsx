import * as Plot from '@observablehq/plot';
import type { Component } from 'solid-js';
import type { SpiderResult } from '../../../models/analysis/spider-analysis.ts';
import { outputAxis, type OutputAxis } from '../components/output-picker.tsx';
import type { CaseFormat } from '../lib/format.ts';
import { truncateLabel } from '../lib/units.ts';
import { CATEGORY_COLORS, CHART_COLORS } from './chart-theme.ts';
import { PlotFigure } from './plot-figure.tsx';

interface Point {
  label: string;
  percentile: number;
  output: number;
}

/** Spider: the output (NPV unless told) against each input's percentile; every line is labelled at its end. */
export const SpiderChart: Component<{ result: SpiderResult; format: CaseFormat; limit?: number; axis?: OutputAxis }> = (props) => {
  const axis = (): OutputAxis => props.axis ?? outputAxis(props.format, 'npv', 'currency');
  const plot = (width: number): Element | null => {
    const series = props.result.series.slice(0, props.limit ?? 7);
    if (!series.length) return null;
    const points: Point[] = series.flatMap((s) => s.outputs.map((output, i) => ({ label: s.label, percentile: props.result.percentiles[i], output })));
    const height = 340;
    const all = points.map((p) => p.output);
    // Spread the end labels at least 13 px apart so neighbouring lines stay readable.
    const minGap = ((Math.max(...all) - Math.min(...all)) / (height - 60)) * 13;
    const ends = series
      .map((s) => ({
        label: s.label,
        percentile: props.result.percentiles[props.result.percentiles.length - 1],
        output: s.outputs[s.outputs.length - 1],
        labelY: s.outputs[s.outputs.length - 1],
      }))
      .sort((a, b) => b.output - a.output);
    for (let i = 1; i < ends.length; i++) ends[i].labelY = Math.min(ends[i].labelY, ends[i - 1].labelY - minGap);
    return Plot.plot({
      width,
      height,
      marginLeft: 56,
      marginRight: Math.min(220, width * 0.3),
      style: { fontSize: '11px' },
      x: { label: 'Input percentile →', tickFormat: '.0%', domain: [0, 1] },
      y: { label: `↑ ${axis().name} (${axis().unit})`, tickFormat: axis().compact, grid: true },
      color: { domain: series.map((s) => s.label), range: CATEGORY_COLORS },
      marks: [
        Plot.ruleY([props.result.baselineOutput], { stroke: CHART_COLORS.neutral, strokeDasharray: '2,2' }),
        axis().unit === 'months' ? null : Plot.ruleY([0], { stroke: CHART_COLORS.negative }),
        Plot.lineY(points, { x: 'percentile', y: 'output', stroke: 'label', strokeWidth: 1.8, marker: 'circle-stroke' }),
        Plot.text(ends, {
          x: 'percentile',
          y: 'labelY',
          text: (end: { label: string }) => truncateLabel(end.label, 40),
          textAnchor: 'start',
          dx: 8,
          fill: 'label',
          fontSize: 10,
        }),
        Plot.tip(
          points,
          Plot.pointer({
            x: 'percentile',
            y: 'output',
            title: (p: Point) => `${p.label} at P${Math.round(p.percentile * 100)}\n${axis().name} ${axis().value(p.output)}`,
          }),
        ),
      ],
    });
  };
  return <PlotFigure title={`Spider: ${axis().name} as each input moves through its percentiles (others at their medians)`} plot={plot} />;
};
