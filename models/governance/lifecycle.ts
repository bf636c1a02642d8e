/**
 * The lifecycle stages, in order: intake → pilot → gate review → scaled / redesign / stopped /
 * research → post-launch review → retired.
 *
 * @example
 * LIFECYCLE_STAGES.indexOf('gateReview') // 2
 */
export const LIFECYCLE_STAGES = ['intake', 'pilot', 'gateReview', 'scaled', 'redesign', 'stopped', 'research', 'postLaunchReview', 'retired'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** Human labels for the stages. */
export const LIFECYCLE_STAGE_LABELS = {
  intake: 'Intake',
  pilot: 'Pilot',
  gateReview: 'Gate review',
  scaled: 'Scaled',
  redesign: 'Redesign',
  stopped: 'Stopped',
  research: 'Research',
  postLaunchReview: 'Post-launch review',
  retired: 'Retired',
} as const satisfies Record<LifecycleStage, string>;

/** The records a stage is derived from (ISO timestamps; null when there is none). */
export interface LifecycleFacts {
  createdAt: string;
  /** When the newest succeeded run finished; null when no run succeeded. */
  succeededRunAt: string | null;
  /** When the newest gate analysis was made. */
  lastGateAt: string | null;
  latestDecision: { decision: 'scale' | 'redesign' | 'stop' | 'keepAsResearch'; takenAt: string } | null;
  retiredAt: string | null;
  /** The next post-launch review date of a scaled case (YYYY-MM-DD). */
  nextReviewOn: string | null;
  /** The case's decision rules' driftDays. */
  driftDays: number;
  /** Now (ISO timestamp), injected: models read no clock. */
  now: string;
}

/** Where a case stands and since when. */
export interface Lifecycle {
  stage: LifecycleStage;
  drifting: boolean;
  daysInStage: number;
  because: string;
}

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / DAY));
const DECIDED_STAGE = { scale: 'scaled', stop: 'stopped', redesign: 'redesign', keepAsResearch: 'research' } as const;

/**
 * The lifecycle stage of a case, derived from its records, first match wins: retired;
 * post-launch review (scaled and its review date has come); scaled; stopped; redesign or
 * research (unless a gate ran after that decision: gate review); gate review (a gate and no
 * decision after it); pilot (a succeeded run, no gate); intake. Drifting: in pilot or gate
 * review for more than driftDays since the last decision (or the case's creation).
 *
 * @example
 * lifecycleOf({ ...facts, succeededRunAt: '2026-01-05T00:00:00Z' }).stage // 'pilot'
 */
export function lifecycleOf(facts: LifecycleFacts): Lifecycle {
  const decision = facts.latestDecision;
  const since = (at: string) => daysBetween(at, facts.now);
  if (facts.retiredAt) return { stage: 'retired', drifting: false, daysInStage: since(facts.retiredAt), because: 'retired from production' };
  if (decision?.decision === 'scale') {
    const due = facts.nextReviewOn !== null && facts.nextReviewOn <= facts.now.slice(0, 10);
    return due
      ? { stage: 'postLaunchReview', drifting: false, daysInStage: since(facts.nextReviewOn!), because: `post-launch review due since ${facts.nextReviewOn}` }
      : { stage: 'scaled', drifting: false, daysInStage: since(decision.takenAt), because: `decided scale on ${decision.takenAt.slice(0, 10)}` };
  }
  if (decision?.decision === 'stop')
    return { stage: 'stopped', drifting: false, daysInStage: since(decision.takenAt), because: `decided stop on ${decision.takenAt.slice(0, 10)}` };
  const gateAfterDecision = facts.lastGateAt !== null && (!decision || facts.lastGateAt > decision.takenAt);
  const openSince = decision?.takenAt ?? facts.createdAt;
  const drifting = since(openSince) > facts.driftDays;
  if (gateAfterDecision) {
    return {
      stage: 'gateReview',
      drifting,
      daysInStage: since(facts.lastGateAt!),
      because: `gate evaluated on ${facts.lastGateAt!.slice(0, 10)}, no decision since`,
    };
  }
  if (decision) {
    return {
      stage: DECIDED_STAGE[decision.decision],
      drifting: false,
      daysInStage: since(decision.takenAt),
      because: `decided ${decision.decision} on ${decision.takenAt.slice(0, 10)}`,
    };
  }
  if (facts.succeededRunAt) return { stage: 'pilot', drifting, daysInStage: since(facts.succeededRunAt), because: 'simulated, not yet through the gate' };
  return { stage: 'intake', drifting: false, daysInStage: since(facts.createdAt), because: 'no succeeded run yet' };
}
