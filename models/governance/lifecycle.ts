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
