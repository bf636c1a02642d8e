import * as Plot from '@observablehq/plot';
import type { Component } from 'solid-js';
import type { OutputSummary } from '../../../models/engine/summarize-output.ts';
import { paybackMonths, type CaseFormat } from '../lib/format.ts';
import { CHART_COLORS } from './chart-theme.ts';
import { PlotFigure } from './plot-figure.tsx';

/**
 * Payback as "share of trials paid back by month m": a cumulative curve reads better
 * than a histogram of whole months, shows the median where it crosses 50 %, and its
 * plateau below 100 % is the share that never pays back within the horizon.
 */
export const PaybackChart: Component<{ payback: OutputSummary; horizonMonths: number; format: CaseFormat; testId?: string }> = (props) => {
  const neverShare = (): number => {
    const p = props.payback;
    const defined = p.finiteCount + p.positiveInfiniteCount + p.negativeInfiniteCount;
    return defined ? p.positiveInfiniteCount / defined : 0;
  };
  const plot = (width: number): Element | null => {
    const points = props.payback.cdf;
    if (!points.length) return null;
    const curve = [{ x: 0, p: 0 }, ...points, { x: props.horizonMonths, p: points[points.length - 1].p }];
    const median = paybackMonths(props.payback.percentiles.p50);
    return Plot.plot({
      width,
      height: 240,
      marginLeft: 48,
      marginBottom: 40,
      style: { fontSize: '11px' },
      x: { label: 'Month after start (discounted payback) →', domain: [0, props.horizonMonths] },
      y: { label: '↑ Share of trials paid back by then', tickFormat: '.0%', domain: [0, 1], grid: true },
      marks: [
        Plot.areaY(curve, { x: 'x', y: 'p', fill: CHART_COLORS.band, curve: 'step-after' }),
        Plot.lineY(curve, { x: 'x', y: 'p', stroke: CHART_COLORS.primary, strokeWidth: 2, curve: 'step-after' }),
        Plot.ruleY([0.5], { stroke: CHART_COLORS.neutral, strokeDasharray: '3,3' }),
        ...(Number.isFinite(median)
          ? [
              Plot.ruleX([median], { stroke: CHART_COLORS.primary, strokeDasharray: '3,3' }),
              Plot.text([median], {
                x: (m: number) => m,
                y: 0.5,
                text: () => `median ${props.format.months(median)}`,
                dx: 6,
                dy: -8,
                textAnchor: 'start',
                fontWeight: 'bold',
              }),
            ]
          : []),
        ...(neverShare() > 0
          ? [
              Plot.text([props.horizonMonths], {
                x: (m: number) => m,
                y: 1 - neverShare(),
                text: () => `${props.format.percent(neverShare())} never within ${props.horizonMonths} months`,
                dy: -10,
                textAnchor: 'end',
                fill: CHART_COLORS.negative,
              }),
            ]
          : []),
        Plot.tip(
          points,
          Plot.pointerX({
            x: 'x',
            y: 'p',
            title: (point: { x: number; p: number }) => `by month ${Math.floor(point.x)}: ${props.format.percent(point.p)} of trials paid back`,
          }),
        ),
      ],
    });
  };
  return (
    <PlotFigure
      title="Discounted payback: share of trials paid back by each month"
      plot={plot}
      testId={props.testId}
      caption={
        <>
          Median {props.format.months(paybackMonths(props.payback.percentiles.p50))}; P10 {props.format.months(paybackMonths(props.payback.percentiles.p10))},
          P90 {props.format.months(paybackMonths(props.payback.percentiles.p90))}. {props.format.percent(neverShare())} of trials do not pay back within the{' '}
          {props.horizonMonths}-month horizon.
        </>
      }
    />
  );
};
