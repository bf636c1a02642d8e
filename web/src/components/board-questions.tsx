import { createSignal, For, Show, type Component } from 'solid-js';
import { caseHref } from '../lib/api.ts';
import type { BoardQuestions, Portfolio } from '../lib/api-types.ts';
import { caseFormat } from '../lib/format.ts';

/** The four questions in the board's words, keyed by the API's names. */
const QUESTIONS: { key: keyof BoardQuestions; label: string; hint: string }[] = [
  { key: 'passedGates', label: 'passed production gates', hint: 'Scaled, or the gate recommends scale with every readiness gate met.' },
  {
    key: 'stoppedForGoodReasons',
    label: 'stopped for good reasons',
    hint: 'Stopped with a reason category, backed by a gate against it or actuals below the forecast.',
  },
  {
    key: 'measuredPostLaunchValue',
    label: 'with measured post-launch value',
    hint: 'Scaled, with at least one money actual (a benefit, a cost or net cash flow).',
  },
  { key: 'durableProcessChange', label: 'drove durable process change', hint: 'At least one process KPI changed durably after launch.' },
];

/**
 * The board's four questions as headline figures; each opens the list of cases behind it.
 * Below them: the cost avoided by stopped cases and the post-launch reviews that are overdue.
 *
 * @example
 * <BoardQuestionCards portfolio={p()} />
 */
export const BoardQuestionCards: Component<{ portfolio: Portfolio }> = (props) => {
  const [open, setOpen] = createSignal<keyof BoardQuestions | null>(null);
  const nameOf = (id: string) => props.portfolio.items.find((item) => item.id === id)?.name ?? id;
  const answer = (key: keyof BoardQuestions) => props.portfolio.boardQuestions?.[key] ?? { count: 0, caseIds: [] };
  return (
    <section class="board-questions" aria-labelledby="board-questions-title" data-testid="board-questions">
      <h2 id="board-questions-title">The board's four questions</h2>
      <div class="board-question-row">
        <For each={QUESTIONS}>
          {(question) => (
            <div class="count-card board-question" classList={{ open: open() === question.key }} data-testid={`board-${question.key}`}>
              <button
                type="button"
                class="board-question-toggle"
                aria-expanded={open() === question.key}
                aria-controls={`board-list-${question.key}`}
                onClick={() => setOpen(open() === question.key ? null : question.key)}
                title={question.hint}
              >
                <span class="count" data-testid="board-count">
                  {answer(question.key).count}
                </span>
                <span class="count-label">{question.label}</span>
                <span class="count-detail">{open() === question.key ? 'Hide the cases' : 'Show the cases'}</span>
              </button>
              <Show when={open() === question.key}>
                <div id={`board-list-${question.key}`}>
                  <p class="count-detail">{question.hint}</p>
                  <ul class="count-list" data-testid="board-cases">
                    <For each={answer(question.key).caseIds} fallback={<li class="muted">No case yet.</li>}>
                      {(id) => (
                        <li>
                          <a href={caseHref(id, 'gate')}>{nameOf(id)}</a>
                        </li>
                      )}
                    </For>
                  </ul>
                </div>
              </Show>
            </div>
          )}
        </For>
      </div>
      <StoppedAndReviews portfolio={props.portfolio} />
    </section>
  );
};

const StoppedAndReviews: Component<{ portfolio: Portfolio }> = (props) => {
  const stopped = () => props.portfolio.stopped ?? [];
  const overdue = () => props.portfolio.reviews?.overdue ?? [];
  return (
    <div class="board-notes">
      <Show when={stopped().length}>
        <div data-testid="stopped-cost-avoided">
          <h3>Stopped: production cost avoided</h3>
          <ul class="count-list">
            <For each={stopped()}>
              {(item) => (
                <li>
                  <a href={caseHref(item.id, 'gate')}>{item.name}</a>: {caseFormat(item.currency).moneyCompact(item.costAvoided)} PV of costs not spent
                  {item.reasonCategory ? ` · reason: ${item.reasonCategory}` : ' · no reason category'}
                  {item.evidence ? ` · evidence: ${item.evidence}` : ' · no evidence on record'}
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
      <div data-testid="reviews-overdue">
        <h3>Post-launch reviews overdue</h3>
        <Show when={overdue().length} fallback={<p class="count-detail">None: every scaled case has its latest review covered by actuals.</p>}>
          <ul class="count-list">
            <For each={overdue()}>
              {(review) => (
                <li class="cell-alert">
                  <a href={caseHref(review.id, 'actuals')}>{review.name}</a>: review due {review.nextReviewOn}, {review.daysOverdue} days overdue (every{' '}
                  {review.reviewEveryMonths} months since scaling)
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={props.portfolio.reviews?.due.length}>
          <p class="count-detail">Next reviews: {props.portfolio.reviews.due.map((review) => `${review.name} on ${review.nextReviewOn}`).join('; ')}</p>
        </Show>
      </div>
    </div>
  );
};
