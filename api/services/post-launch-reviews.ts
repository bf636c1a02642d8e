import type { PostLaunchReview } from '../../models/contract/resources.ts';
import type { BoardFacts } from './board-questions.ts';

/** How often a scaled case is reviewed after launch when its `postLaunch.reviewEveryMonths` is not set. */
export const DEFAULT_REVIEW_EVERY_MONTHS = 3;

/** A date k months after `date` (UTC), the day clamped to the month's length. */
function addMonths(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

/**
 * The next post-launch review of a scaled case. Reviews fall every `every` months after the
 * scale decision. A review is done once the month before it has actuals: with actuals up to
 * month M (any series), every review in a month up to M + 1 is done. The next review is the
 * first one not done.
 *
 * @example
 * nextReviewDate(new Date('2026-02-02'), 3, '2026-10') // 2027-02-02 (the reviews of May, Aug and Nov are covered)
 */
export function nextReviewDate(scaledAt: Date, every: number, lastActualMonth: string | null): Date {
  const covered = lastActualMonth ? new Date(`${lastActualMonth}-01T00:00:00Z`) : null;
  if (covered) covered.setUTCMonth(covered.getUTCMonth() + 1);
  let k = 1;
  let next = addMonths(scaledAt, every);
  while (covered && Date.UTC(next.getUTCFullYear(), next.getUTCMonth(), 1) <= covered.getTime() && k < 10_000) next = addMonths(scaledAt, every * ++k);
  return next;
}

/**
 * The next review of every scaled case, split into overdue (its date has passed) and due.
 *
 * @example
 * const { due, overdue } = postLaunchReviews(facts, new Date());
 */
export function postLaunchReviews(facts: BoardFacts, now: Date): { due: PostLaunchReview[]; overdue: PostLaunchReview[] } {
  const due: PostLaunchReview[] = [];
  const overdue: PostLaunchReview[] = [];
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  for (const item of facts.items) {
    // A retired system (issue 18) is out of production: no more reviews.
    if (item.latestDecision?.decision !== 'scale' || item.stage === 'retired') continue;
    const every = facts.cases.get(item.id)?.postLaunch?.reviewEveryMonths ?? DEFAULT_REVIEW_EVERY_MONTHS;
    const months = (facts.actuals.get(item.id) ?? []).map((row) => row.month).sort();
    const scaledAt = new Date(item.latestDecision.takenAt);
    const next = nextReviewDate(scaledAt, every, months.at(-1) ?? null);
    const nextDay = Date.UTC(next.getUTCFullYear(), next.getUTCMonth(), next.getUTCDate());
    const daysOverdue = Math.max(0, Math.round((today - nextDay) / 86_400_000));
    const review = {
      id: item.id,
      name: item.name,
      scaledAt: item.latestDecision.takenAt,
      nextReviewOn: next.toISOString().slice(0, 10),
      reviewEveryMonths: every,
      daysOverdue,
    };
    (daysOverdue > 0 ? overdue : due).push(review);
  }
  const byDate = (a: PostLaunchReview, b: PostLaunchReview) => a.nextReviewOn.localeCompare(b.nextReviewOn);
  return { due: due.sort(byDate), overdue: overdue.sort(byDate) };
}
