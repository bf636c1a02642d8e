import { For, Show, type Component } from 'solid-js';
import type { RunSummary } from '../../../models/engine/summarize-run.ts';
import type { CaseFormat } from '../lib/format.ts';

/** Expected cost by category and year, with totals and shares; unpriced categories are flagged. */
export const CostTable: Component<{ summary: RunSummary; format: CaseFormat; caption?: string }> = (props) => {
  const years = () => props.summary.costByCategory[0]?.meanByYear.length ?? 0;
  const yearTotals = () => Array.from({ length: years() }, (_, y) => props.summary.costByCategory.reduce((sum, row) => sum + (row.meanByYear[y] ?? 0), 0));
  const total = () => props.summary.costByCategory.reduce((sum, row) => sum + row.meanTotal, 0);
  return (
    <table class="data-table cost-table" data-testid="cost-table">
      <caption>{props.caption ?? `Full cost by category, expected values in ${props.format.currency} (undiscounted)`}</caption>
      <thead>
        <tr>
          <th scope="col">Category</th>
          <For each={Array.from({ length: years() }, (_, y) => y + 1)}>
            {(year) => (
              <th scope="col" class="num">
                Year {year}
              </th>
            )}
          </For>
          <th scope="col" class="num">
            Total
          </th>
          <th scope="col" class="num">
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        <For each={props.summary.costByCategory}>
          {(row) => (
            <tr classList={{ 'row-warning': !row.hasLines && row.category !== 'other' }}>
              <th scope="row">
                {row.label}
                <Show when={!row.hasLines && row.category !== 'other'}>
                  <span class="badge badge-warning">⚠ not priced</span>
                </Show>
              </th>
              <For each={row.meanByYear}>{(amount) => <td class="num">{props.format.money(amount)}</td>}</For>
              <td class="num">
                <strong>{props.format.money(row.meanTotal)}</strong>
              </td>
              <td class="num">{props.format.percent(row.share, 0)}</td>
            </tr>
          )}
        </For>
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <For each={yearTotals()}>{(amount) => <td class="num">{props.format.money(amount)}</td>}</For>
          <td class="num">
            <strong>{props.format.money(total())}</strong>
          </td>
          <td class="num">100%</td>
        </tr>
      </tfoot>
    </table>
  );
};
