import * as Plot from '@observablehq/plot';
import type { Component } from 'solid-js';
import type { Distribution } from '../../../models/distributions/distribution.ts';
import type { DistributionSpec } from '../../../models/distributions/spec.ts';
import type { CaseFormat } from '../lib/format.ts';
import { formatUnitValue } from '../lib/units.ts';
import { CHART_COLORS } from './chart-theme.ts';
import { PlotFigure } from './plot-figure.tsx';

export interface DistributionPreviewProps {
  distribution: Distribution;
  spec: DistributionSpec;
  unit: string;
  label: string;
  format: CaseFormat;
  height?: number;
}

/** Point masses of a discrete spec, as (value, probability) after truncation. */
function pointMasses(spec: DistributionSpec, distribution: Distribution): { x: number; p: number }[] {
  let xs: number[];
  if (spec.type === 'fixed') xs = [spec.value];
  else if (spec.type === 'bernoulli') xs = [0, spec.value ?? 1];
  else if (spec.type === 'discrete') xs = [...new Set(spec.values)].sort((a, b) => a - b);
  else xs = [];
  return xs.map((x) => ({ x, p: distribution.pdf(x) })).filter((point) => point.p > 0);
}

/**
 * The shape of an input's distribution with its 90 % range shaded and labelled: what
 * the estimate says, visibly, before it goes into 10,000 trials.
 */
export const DistributionPreviewChart: Component<DistributionPreviewProps> = (props) => {
  const plot = (width: number): Element => {
    const d = props.distribution;
    const p5 = d.inv(0.05);
    const p95 = d.inv(0.95);
    // The unit alone: the chart's title already names the input, and long labels overflow.
    const axisLabel = `${props.unit} →`;
    const tick = (value: number): string => formatUnitValue(props.format, value, props.unit, true);
    const common = { width, height: props.height ?? 150, marginLeft: 44, marginBottom: 36, style: { fontSize: '11px' } };
    if (d.discrete) {
      const points = pointMasses(props.spec, d);
      const xs = points.map((p) => p.x);
      const span = Math.max(...xs) - Math.min(...xs) || Math.abs(xs[0]) || 1;
      // Point masses as lollipops on a linear axis, so uneven values keep their spacing.
      return Plot.plot({
        ...common,
        x: {
          label: axisLabel,
          tickFormat: tick,
          domain: [Math.min(...xs) - span * 0.15, Math.max(...xs) + span * 0.15],
          ticks: Math.max(2, Math.floor(width / 110)),
        },
        y: { label: '↑ Probability', tickFormat: '.0%', grid: true, domain: [0, 1] },
        marks: [
          Plot.ruleX(points, { x: 'x', y1: 0, y2: 'p', stroke: CHART_COLORS.primary, strokeWidth: 3 }),
          Plot.dot(points, {
            x: 'x',
            y: 'p',
            fill: CHART_COLORS.primary,
            r: 4,
            title: (p: { x: number; p: number }) => `${tick(p.x)}: ${props.format.percent(p.p)}`,
            tip: true,
          }),
          Plot.text(points, { x: 'x', y: 'p', text: (p: { p: number }) => props.format.percent(p.p), dy: -10, fontSize: 10 }),
          Plot.ruleY([0]),
        ],
      });
    }
    const lo = d.inv(0.001);
    const hi = d.inv(0.999);
    const steps = 140;
    const points: { x: number; y: number; inside: boolean }[] = [];
    for (let i = 0; i <= steps; i++) {
      const x = lo + ((hi - lo) * i) / steps;
      points.push({ x, y: d.pdf(x), inside: x >= p5 && x <= p95 });
    }
    const inside = points.filter((point) => point.inside);
    return Plot.plot({
      ...common,
      x: { label: axisLabel, tickFormat: tick, ticks: Math.max(3, Math.floor(width / 110)) },
      y: { axis: null },
      marks: [
        Plot.areaY(points, { x: 'x', y: 'y', fill: CHART_COLORS.band, fillOpacity: 0.7 }),
        Plot.areaY(inside, { x: 'x', y: 'y', fill: CHART_COLORS.primaryLight }),
        Plot.lineY(points, { x: 'x', y: 'y', stroke: CHART_COLORS.primary, strokeWidth: 1.5 }),
        Plot.ruleX([p5, p95], { stroke: CHART_COLORS.primary, strokeDasharray: '3,2' }),
        Plot.text([p5], { x: (v: number) => v, frameAnchor: 'top', text: () => '5%', dx: -10, fontSize: 10 }),
        Plot.text([p95], { x: (v: number) => v, frameAnchor: 'top', text: () => '95%', dx: 12, fontSize: 10 }),
        Plot.ruleY([0]),
        Plot.tip(points, Plot.pointerX({ x: 'x', y: 'y', title: (p: { x: number }) => `${tick(p.x)}\nP(below) ${props.format.percent(d.cdf(p.x))}` })),
      ],
    });
  };
  return (
    <PlotFigure
      class="chart-compact"
      title={`Preview of ${props.label}`}
      plot={plot}
      caption={
        <>
          90% range {formatUnitValue(props.format, props.distribution.inv(0.05), props.unit)} to{' '}
          {formatUnitValue(props.format, props.distribution.inv(0.95), props.unit)}; median{' '}
          {formatUnitValue(props.format, props.distribution.inv(0.5), props.unit)}; mean {formatUnitValue(props.format, props.distribution.mean(), props.unit)}.
        </>
      }
    />
  );
};
