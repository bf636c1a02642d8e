import { cleanup, fireEvent, render, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { BoardQuestionCards } from '../../web/src/components/board-questions.tsx';
import type { CaseListItem, Portfolio } from '../../web/src/lib/api-types.ts';

const item = (id: string, name: string) => ({ id, name, currency: 'GBP' }) as CaseListItem;

const PORTFOLIO = {
  items: [item('a', 'Invoice intake'), item('b', 'Cost anomaly'), item('c', 'Reply drafting')],
  boardQuestions: {
    passedGates: { count: 2, caseIds: ['a', 'c'] },
    stoppedForGoodReasons: { count: 1, caseIds: ['b'] },
    measuredPostLaunchValue: { count: 1, caseIds: ['a'] },
    durableProcessChange: { count: 0, caseIds: [] },
  },
  stopped: [
    {
      id: 'b',
      name: 'Cost anomaly',
      rationale: 'Too costly',
      takenAt: '2026-11-20T15:00:00Z',
      reasonCategory: 'economics',
      evidence: "a stored run's gate recommended redesign",
      goodReason: true,
      currency: 'USD',
      costAvoided: 2_865_040,
    },
  ],
  reviews: {
    due: [],
    overdue: [{ id: 'a', name: 'Invoice intake', scaledAt: '2026-02-02T10:00:00Z', nextReviewOn: '2026-12-02', reviewEveryMonths: 2, daysOverdue: 5 }],
  },
} as unknown as Portfolio;

afterEach(cleanup);

describe("the board's four questions", () => {
  it('shows the four counts as headline figures, each opening the cases behind it', async () => {
    render(() => <BoardQuestionCards portfolio={PORTFOLIO} />);
    const count = (key: string) => within(screen.getByTestId(`board-${key}`)).getByTestId('board-count').textContent;
    expect(['passedGates', 'stoppedForGoodReasons', 'measuredPostLaunchValue', 'durableProcessChange'].map(count)).toEqual(['2', '1', '1', '0']);
    expect(screen.queryByTestId('board-cases')).toBeNull();

    const passed = within(screen.getByTestId('board-passedGates')).getByRole('button');
    expect(passed.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(passed);
    expect(passed.getAttribute('aria-expanded')).toBe('true');
    const links = within(screen.getByTestId('board-cases')).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Invoice intake', '#/cases/a/gate'],
      ['Reply drafting', '#/cases/c/gate'],
    ]);

    // Another question replaces the open list; a question with no case says so.
    fireEvent.click(within(screen.getByTestId('board-durableProcessChange')).getByRole('button'));
    expect(passed.getAttribute('aria-expanded')).toBe('false');
    expect(within(screen.getByTestId('board-cases')).getByText('No case yet.')).toBeTruthy();
  });

  it('lists the cost avoided by stopped cases and the overdue reviews', () => {
    render(() => <BoardQuestionCards portfolio={PORTFOLIO} />);
    const stopped = screen.getByTestId('stopped-cost-avoided').textContent ?? '';
    expect(stopped).toContain('Cost anomaly');
    expect(stopped).toContain('reason: economics');
    expect(stopped).toMatch(/2\.9\s?M/i);
    const overdue = screen.getByTestId('reviews-overdue').textContent ?? '';
    expect(overdue).toContain('Invoice intake: review due 2026-12-02, 5 days overdue');
  });
});
