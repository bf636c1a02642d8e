import { For, Show, type Component } from 'solid-js';
import { LIFECYCLE_STAGE_LABELS, LIFECYCLE_STAGES, type LifecycleStage } from '../../../models/governance/lifecycle.ts';
import type { CaseListItem } from '../lib/api-types.ts';
import { CATEGORY_LABELS } from '../lib/governance-words.ts';

/**
 * The portfolio's lifecycle filters: one stage (or any) and "drifting only"; the API lists
 * drifting cases first whenever either is given.
 *
 * @example
 * <LifecycleFilter stage={stage()} drifting={drifting()} byStage={p.byStage} onStage={setStage} onDrifting={setDrifting} />
 */
export const LifecycleFilter: Component<{
  stage: string;
  drifting: boolean;
  byStage?: Record<string, number>;
  onStage: (stage: string) => void;
  onDrifting: (drifting: boolean) => void;
}> = (props) => (
  <>
    <div class="field">
      <label for="filter-stage">Lifecycle stage</label>
      <select id="filter-stage" value={props.stage} onChange={(e) => props.onStage(e.currentTarget.value)}>
        <option value="">Any stage</option>
        <For each={LIFECYCLE_STAGES}>
          {(stage) => (
            <option value={stage}>
              {LIFECYCLE_STAGE_LABELS[stage]}
              {props.byStage ? ` (${props.byStage[stage] ?? 0})` : ''}
            </option>
          )}
        </For>
      </select>
    </div>
    <label class="checkbox">
      <input type="checkbox" checked={props.drifting} onChange={(e) => props.onDrifting(e.currentTarget.checked)} />
      Drifting only
    </label>
  </>
);

/** A case's lifecycle stage, with a visible "drifting" marker when it sits in pilot or gate review too long. */
export const LifecycleCell: Component<{ item: CaseListItem }> = (props) => (
  <td data-testid="lifecycle-stage">
    {LIFECYCLE_STAGE_LABELS[props.item.stage as LifecycleStage] ?? props.item.stage}
    <Show when={props.item.drifting}>
      <span
        class="badge badge-warning drifting-marker"
        data-testid="drifting-marker"
        title="In pilot or gate review beyond the case's drift days without a decision"
      >
        ⚠ drifting
      </span>
    </Show>
    <span class="row-sub">
      {props.item.riskTier} tier · {CATEGORY_LABELS[props.item.euAiActCategory] ?? props.item.euAiActCategory}
    </span>
  </td>
);

/**
 * Drifting cases first, otherwise in the server's order.
 *
 * @example
 * driftingFirst([{ drifting: false }, { drifting: true }]) // the drifting one first
 */
export function driftingFirst<T extends { drifting: boolean }>(items: readonly T[]): T[] {
  return [...items.filter((item) => item.drifting), ...items.filter((item) => !item.drifting)];
}
