import { describe, expect, it } from 'vitest';
import { lifecycleOf, type LifecycleFacts } from '../../models/governance/lifecycle.ts';

const base: LifecycleFacts = {
  createdAt: '2026-01-01T00:00:00.000Z',
  succeededRunAt: null,
  lastGateAt: null,
  latestDecision: null,
  retiredAt: null,
  nextReviewOn: null,
  driftDays: 90,
  now: '2026-03-01T00:00:00.000Z',
};

describe('the lifecycle, derived from the records', () => {
  it('walks intake → pilot → gate review → a decision, counting days in the stage', () => {
    expect(lifecycleOf(base)).toEqual({ stage: 'intake', drifting: false, daysInStage: 59, because: 'no succeeded run yet' });
    expect(lifecycleOf({ ...base, succeededRunAt: '2026-02-01T00:00:00.000Z' })).toMatchObject({ stage: 'pilot', drifting: false, daysInStage: 28 });
    expect(lifecycleOf({ ...base, succeededRunAt: '2026-02-01T00:00:00.000Z', lastGateAt: '2026-02-15T00:00:00.000Z' })).toMatchObject({
      stage: 'gateReview',
      daysInStage: 14,
    });
    const decided = { ...base, succeededRunAt: '2026-02-01T00:00:00.000Z', lastGateAt: '2026-02-15T00:00:00.000Z' };
    expect(lifecycleOf({ ...decided, latestDecision: { decision: 'keepAsResearch', takenAt: '2026-02-20T00:00:00.000Z' } }).stage).toBe('research');
    expect(lifecycleOf({ ...decided, latestDecision: { decision: 'stop', takenAt: '2026-02-20T00:00:00.000Z' } }).stage).toBe('stopped');
  });

  it('returns a redesigned case to gate review once the gate runs again after the decision', () => {
    const redesign = {
      ...base,
      succeededRunAt: '2026-01-10T00:00:00.000Z',
      latestDecision: { decision: 'redesign' as const, takenAt: '2026-02-01T00:00:00.000Z' },
    };
    expect(lifecycleOf({ ...redesign, lastGateAt: '2026-01-20T00:00:00.000Z' }).stage).toBe('redesign');
    expect(lifecycleOf({ ...redesign, lastGateAt: '2026-02-10T00:00:00.000Z' }).stage).toBe('gateReview');
  });

  it('marks pilots and gate reviews as drifting beyond driftDays since the last decision, never a decided case', () => {
    const late = { ...base, now: '2026-05-01T00:00:00.000Z' }; // 120 days after creation
    expect(lifecycleOf({ ...late, succeededRunAt: '2026-01-05T00:00:00.000Z' }).drifting).toBe(true);
    expect(lifecycleOf({ ...late, succeededRunAt: '2026-01-05T00:00:00.000Z', driftDays: 150 }).drifting).toBe(false);
    expect(lifecycleOf(late).drifting).toBe(false);
    expect(lifecycleOf({ ...late, latestDecision: { decision: 'stop', takenAt: '2026-01-02T00:00:00.000Z' } }).drifting).toBe(false);
  });

  it('moves a scaled case to post-launch review when its review date comes, and out of production when retired', () => {
    const scaled = { ...base, latestDecision: { decision: 'scale' as const, takenAt: '2026-01-15T00:00:00.000Z' } };
    expect(lifecycleOf({ ...scaled, nextReviewOn: '2026-04-15' }).stage).toBe('scaled');
    expect(lifecycleOf({ ...scaled, nextReviewOn: '2026-03-01' })).toMatchObject({
      stage: 'postLaunchReview',
      because: 'post-launch review due since 2026-03-01',
    });
    expect(lifecycleOf({ ...scaled, nextReviewOn: '2026-03-01', retiredAt: '2026-02-20T00:00:00.000Z' })).toMatchObject({ stage: 'retired', daysInStage: 9 });
  });
});
