import { For, Show, type Component } from 'solid-js';
import { costCategoryLabel, GUIDED_COST_CATEGORIES } from '../lib/guided-answers.ts';
import { allGuidedProblems } from '../lib/guided-steps.ts';
import type { StepProps } from './guided-state.ts';

/** The last screen: the answers in short, every cost category's answer, anything still missing. */
export const ReviewStep: Component<StepProps> = (props) => {
  const a = () => props.state.answers;
  const money = (value: number | undefined): string => (value === undefined ? '' : `${value.toLocaleString()} ${a().currency}`);
  const costText = (category: (typeof GUIDED_COST_CATEGORIES)[number]): string => {
    const answer = a().costs[category];
    if (answer.answer === 'none') return `none: ${answer.reason}`;
    const parts = [
      answer.oneTime ? `${money(answer.oneTime)} one-time (month ${answer.oneTimeMonth ?? 1})` : '',
      answer.monthly ? `${money(answer.monthly)} a month` : '',
    ];
    return parts.filter(Boolean).join(' + ') || 'not answered';
  };
  return (
    <>
      <Show when={allGuidedProblems(a()).length}>
        <div class="notice notice-error" role="alert">
          <strong>Still missing before the case can be created:</strong>
          <ul>
            <For each={allGuidedProblems(a())}>{(entry) => <For each={entry.problems}>{(problem) => <li>{problem}</li>}</For>}</For>
          </ul>
        </div>
      </Show>
      <dl class="guided-review" data-testid="guided-review">
        <dt>Use case</dt>
        <dd>
          {a().name} — changes: {a().process}
        </dd>
        <dt>Business owner · sponsor</dt>
        <dd>
          {a().businessOwner} · {a().sponsor}
        </dd>
        <dt>Frame</dt>
        <dd>
          {a().currency}, from {a().startDate}, {a().horizonMonths} months, discount {a().discountRatePercent} % a year
        </dd>
        <dt>Baseline</dt>
        <dd>
          {a()
            .metrics.map((metric) => `${metric.label}: ${metric.value} ${metric.unit}`)
            .join('; ')}
        </dd>
        <dt>Value hypothesis</dt>
        <dd>{a().hypothesis}</dd>
        <dt>Sources of value</dt>
        <dd>
          {a()
            .drivers.map((driver) => driver.label)
            .join('; ')}
        </dd>
        <dt>Pilot</dt>
        <dd>
          {a().hadPilot
            ? `${a().pilotMonths} months, ${a().pilotScopePercent} % of the volume, ${money(a().pilotCost)}${a().pilotRoiPercent === undefined ? '' : `, reported ROI ${a().pilotRoiPercent} %`}: ${a().pilotScope}`
            : 'none'}
        </dd>
        <dt>Production costs</dt>
        <dd>
          <ul>
            <For each={GUIDED_COST_CATEGORIES}>
              {(category) => (
                <li>
                  {costCategoryLabel(category)}: {costText(category)}
                </li>
              )}
            </For>
          </ul>
        </dd>
        <dt>Adoption</dt>
        <dd>
          up to {a().adoptionCeilingPercent} %, half reached {a().adoptionMonthsToHalf} months after month {a().adoptionStartMonth}
        </dd>
      </dl>
    </>
  );
};
