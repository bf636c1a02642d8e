import * as Plot from '@observablehq/plot';
import type { Component } from 'solid-js';
import type { EstimatorCalibration } from '../../../models/calibration/estimator-calibration.ts';
import { CHART_COLORS } from './chart-theme.ts';
import { PlotFigure } from './plot-figure.tsx';

const pct = (share: number): string => `${Math.round(share * 100)} %`;

/**
 * Each estimator's hit rate (dot) with its Wilson 95 % interval (bar) against the 90 %
 * target (dashed rule). An interval that stays left of the rule is overconfidence the
 * sample already shows; one that spans it is not yet told apart from calibrated.
 */
export const HitRateChart: Component<{ estimators: EstimatorCalibration[]; target: number }> = (props) => {
  const plot = (width: number): Element | null => {
    const rows = props.estimators;
    if (!rows.length) return null;
    return Plot.plot({
      width,
      height: Math.max(120, rows.length * 36 + 60),
      marginLeft: Math.min(220, width * 0.3),
      marginRight: 90,
      style: { fontSize: '12px' },
      x: { domain: [0, 1], label: 'Share of 90 % ranges that held the value →', tickFormat: (v: number) => pct(v), grid: true },
      y: { label: null, domain: rows.map((r) => r.estimator), tickSize: 0 },
      marks: [
        Plot.ruleX([props.target], { stroke: CHART_COLORS.positive, strokeDasharray: '4 3', strokeWidth: 1.5 }),
        Plot.text([props.target], { x: (d: number) => d, frameAnchor: 'top', dy: -2, text: () => '90 % target', fill: CHART_COLORS.positive }),
        Plot.ruleY(rows, {
          y: 'estimator',
          x1: (r: EstimatorCalibration) => r.hitRateInterval.lower,
          x2: (r: EstimatorCalibration) => r.hitRateInterval.upper,
          stroke: CHART_COLORS.primaryLight,
          strokeWidth: 6,
        }),
        Plot.dot(rows, {
          y: 'estimator',
          x: 'hitRate',
          r: 5,
          fill: (r: EstimatorCalibration) => (r.hitRateInterval.upper < props.target ? CHART_COLORS.negative : CHART_COLORS.primary),
        }),
        Plot.text(rows, {
          y: 'estimator',
          x: (r: EstimatorCalibration) => r.hitRateInterval.upper,
          dx: 8,
          textAnchor: 'start',
          text: (r: EstimatorCalibration) => `${pct(r.hitRate)} of ${r.n}`,
        }),
      ],
    });
  };
  const caption = () =>
    props.estimators
      .map((r) => `${r.estimator}: ${pct(r.hitRate)} of ${r.n} (95 % interval ${pct(r.hitRateInterval.lower)} to ${pct(r.hitRateInterval.upper)})`)
      .join('; ');
  return (
    <PlotFigure
      plot={plot}
      title="Hit rate of each estimator's 90 % ranges, with its 95 % interval, against the 90 % target"
      caption={caption()}
      empty="No resolved ranges yet."
      testId="hit-rate-chart"
    />
  );
};
