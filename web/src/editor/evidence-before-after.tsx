import { For, type Component } from 'solid-js';
import type { DistributionView, EvidenceComparisonRow } from '../../../models/evidence/evidence-comparison.ts';
import { EvidenceChart } from '../charts/evidence-chart.tsx';
import type { CaseFormat } from '../lib/format.ts';
import { formatUnitValue } from '../lib/units.ts';

const FIGURES: readonly [string, (view: DistributionView) => number][] = [
  ['Mean', (view) => view.mean],
  ['Standard deviation', (view) => view.sd],
  ['5th percentile', (view) => view.p5],
  ['Median', (view) => view.p50],
  ['95th percentile', (view) => view.p95],
];

/**
 * An input's stated range beside the range its evidence updates it to: a chart of the
 * two 90 % ranges and a table of mean, sd, p5, p50 and p95 before and after, computed
 * in the browser by the engine's own update as the evidence is typed.
 */
export const EvidenceBeforeAfter: Component<{ row: EvidenceComparisonRow; format: CaseFormat }> = (props) => {
  // The unit is in the caption: cells keep to the number, so the table fits beside the form.
  const value = (x: number): string => formatUnitValue(props.format, x, props.row.unit, true);
  return (
    <div class="evidence-before-after" data-testid={`before-after-${props.row.input}`}>
      <EvidenceChart prior={props.row.prior} updated={props.row.updated} unit={props.row.unit} format={props.format} />
      <table class="data-table compact">
        <caption>
          {props.row.label} ({props.row.unit}): stated range and after the evidence ({props.row.representativeness}, factor {props.row.factor}: counted as{' '}
          {Number(props.row.effectiveN.toFixed(2))} observations)
        </caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col" class="num">
              Before (stated)
            </th>
            <th scope="col" class="num">
              After
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={FIGURES}>
            {([label, pick]) => (
              <tr>
                <th scope="row">{label}</th>
                <td class="num">{value(pick(props.row.prior))}</td>
                <td class="num" data-figure={label}>
                  {value(pick(props.row.updated))}
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
};
