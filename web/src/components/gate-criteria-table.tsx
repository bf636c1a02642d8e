import { For, Show, type Component } from 'solid-js';
import type { Criterion } from '../../../models/gate/gate-criteria.ts';
import { criterionFigures, CRITERION_GROUP_LABELS } from '../lib/criterion-format.ts';
import type { CaseFormat } from '../lib/format.ts';

/** Every gate criterion, met or failed, with its figure, threshold and Monte Carlo error. */
export const GateCriteriaTable: Component<{ criteria: Criterion[]; format: CaseFormat }> = (props) => (
  <table class="data-table criteria-table" data-testid="gate-criteria">
    <caption>Gate criteria, in decision order</caption>
    <thead>
      <tr>
        <th scope="col">Criterion</th>
        <th scope="col">Result</th>
        <th scope="col" class="num">
          Figure
        </th>
        <th scope="col" class="num">
          Threshold
        </th>
        <th scope="col" class="num">
          MC error / interval
        </th>
      </tr>
    </thead>
    <For each={(['prerequisite', 'scale', 'stop'] as const).filter((group) => props.criteria.some((c) => c.group === group))}>
      {(group) => (
        <tbody>
          <tr class="group-row">
            <th scope="rowgroup" colspan="5">
              {CRITERION_GROUP_LABELS[group]}
            </th>
          </tr>
          <For each={props.criteria.filter((c) => c.group === group)}>
            {(criterion) => {
              const figures = criterionFigures(criterion, props.format);
              return (
                <tr classList={{ 'row-met': criterion.met, 'row-failed': !criterion.met }} data-criterion={criterion.id}>
                  <th scope="row">
                    {criterion.label}
                    <Show when={criterion.note}>
                      <span class="criterion-note">{criterion.note}</span>
                    </Show>
                  </th>
                  <td>
                    <span class={criterion.met ? 'status status-met' : 'status status-notMet'}>{criterion.met ? '✓ Met' : '✗ Not met'}</span>
                    <Show when={criterion.tooClose}>
                      <span class="badge badge-warning">too close to call</span>
                    </Show>
                  </td>
                  <td class="num">{figures.figure}</td>
                  <td class="num">{figures.threshold}</td>
                  <td class="num">{figures.error}</td>
                </tr>
              );
            }}
          </For>
        </tbody>
      )}
    </For>
  </table>
);
