import { Show, type Component } from 'solid-js';
import { caseHref } from '../lib/api.ts';
import type { CaseListItem } from '../lib/api-types.ts';
import { caseFormat } from '../lib/format.ts';
import { LifecycleCell } from './lifecycle-filter.tsx';
import { StatusBadge } from './status-badge.tsx';

/**
 * One case of the portfolio table: name with owner, versions and namesakes, business owner,
 * lifecycle stage (drifting marked), recommendation, decision, gate status, key figures and
 * days since the last decision.
 *
 * @example
 * <PortfolioRow item={item} driftDays={90} namesakes={[]} />
 */
export const PortfolioRow: Component<{ item: CaseListItem; driftDays: number; namesakes: CaseListItem[] }> = (props) => {
  const format = () => caseFormat(props.item.currency, props.item.locale);
  const run = () => props.item.latestRun;
  // Beyond the page's drift threshold (the count card's); the Stage column marks the case's own rule.
  const beyondThreshold = () => !props.item.latestDecision && props.item.daysSinceLastDecision > props.driftDays;
  const others = () => props.namesakes.map((other) => `${other.owner}'s, saved ${format().date(other.lastSavedAt)}`).join('; ');
  return (
    <tr data-case-id={props.item.id} classList={{ archived: props.item.archived }}>
      <th scope="row">
        <a href={caseHref(props.item.id, 'edit')}>{props.item.name}</a>
        <Show when={props.item.namesakes > 0}>
          <span class="badge badge-warning" data-testid="namesakes" title="Cases with the same name: tell them apart by owner and date">
            {props.item.namesakes + 1} cases named “{props.item.name.trim()}”
          </span>
        </Show>
        <span class="row-sub" data-testid="case-identity">
          Owner {props.item.owner} · saved {format().date(props.item.lastSavedAt)}
        </span>
        <span class="row-sub" data-testid="last-named-version">
          <Show when={props.item.lastNamedVersion} fallback={`v${props.item.currentVersion} · no named version yet`}>
            {(named) => `v${props.item.currentVersion} · last named v${named().version} “${named().message}”, ${format().date(named().namedAt)}`}
          </Show>
        </span>
        <span class="row-sub">
          sponsor {props.item.sponsor}
          {props.item.archived ? ' · archived' : ''}
          {props.item.hasMeasuredValue ? ' · value measured' : ''}
        </span>
        <Show when={others()}>
          <span class="row-sub" data-testid="namesakes-others">
            Also named so: {others()}
          </span>
        </Show>
      </th>
      <td>{props.item.businessOwner ?? <span class="status status-notMet">✗ none</span>}</td>
      <LifecycleCell item={props.item} />
      <td>
        <StatusBadge status={props.item.recommendation} label={props.item.recommendation ? undefined : 'not evaluated'} />
      </td>
      <td data-testid="decision-taken">
        <Show when={props.item.latestDecision} fallback={<span class="muted">none</span>}>
          {(d) => (
            <>
              <StatusBadge status={d().decision} />
              <span class="row-sub">
                {d().takenBy}, {format().date(d().takenAt)}
              </span>
            </>
          )}
        </Show>
      </td>
      <td>
        <StatusBadge status={props.item.gateStatus} />
      </td>
      <td class="num">{run()?.probabilityNpvPositive === null || !run() ? '—' : format().percent(run()!.probabilityNpvPositive!)}</td>
      <td class="num">{format().money(run()?.npvP50 ?? null)}</td>
      <td class="num">{format().money(run()?.totalCostMean ?? null)}</td>
      <td class="num" classList={{ 'cell-alert': beyondThreshold() }}>
        {props.item.daysSinceLastDecision}
      </td>
    </tr>
  );
};
