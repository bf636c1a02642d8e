import * as Plot from '@observablehq/plot';
import type { Component } from 'solid-js';
import { CHART_COLORS } from './chart-theme.ts';
import { PlotFigure } from './plot-figure.tsx';

export interface AdoptionCurvePoint {
  month: number;
  adoption: number;
}

/** The adoption curve the model multiplies benefits by, with inputs at their medians. */
export const AdoptionPreviewChart: Component<{ points: AdoptionCurvePoint[]; note: string }> = (props) => {
  const plot = (width: number): Element | null => {
    if (!props.points.length) return null;
    return Plot.plot({
      width,
      height: 170,
      marginLeft: 44,
      marginBottom: 36,
      style: { fontSize: '11px' },
      x: { label: 'Month after start →' },
      y: { label: '↑ Adoption (share of eligible work)', tickFormat: '.0%', domain: [0, 1], grid: true },
      marks: [
        Plot.areaY(props.points, { x: 'month', y: 'adoption', fill: CHART_COLORS.band }),
        Plot.lineY(props.points, { x: 'month', y: 'adoption', stroke: CHART_COLORS.primary, strokeWidth: 2 }),
        Plot.tip(
          props.points,
          Plot.pointerX({ x: 'month', y: 'adoption', title: (p: AdoptionCurvePoint) => `Month ${p.month}: ${(p.adoption * 100).toFixed(1)}%` }),
        ),
      ],
    });
  };
  return <PlotFigure class="chart-compact" title="Adoption curve preview" plot={plot} caption={props.note} />;
};
