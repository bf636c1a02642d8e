import type { CaseListItem } from '../../models/contract/resources.ts';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../models/governance/lifecycle.ts';
import { ApiError } from '../server/problem.ts';

/**
 * Portfolio items filtered by lifecycle stage (comma-separated) and drifting; when either is
 * given, drifting cases come first (the order is otherwise kept). An unknown stage is a 400 naming it.
 *
 * @example
 * filterByStage(items, 'pilot,gateReview', undefined) // drifting pilots and gate reviews first
 */
export function filterByStage<T extends Pick<CaseListItem, 'stage' | 'drifting'>>(
  items: T[],
  stage: string | undefined,
  drifting: 'true' | 'false' | undefined,
): T[] {
  if (stage === undefined && drifting === undefined) return items;
  let result = items;
  if (stage !== undefined) {
    const wanted = stage
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const unknown = wanted.filter((entry) => !(LIFECYCLE_STAGES as readonly string[]).includes(entry));
    if (unknown.length || wanted.length === 0) {
      const message = `unknown stage ${JSON.stringify(unknown[0] ?? stage).slice(0, 60)}; stages: ${LIFECYCLE_STAGES.join(', ')}`;
      throw new ApiError(400, message, [{ path: 'stage', message }]);
    }
    result = result.filter((item) => wanted.includes(item.stage as LifecycleStage));
  }
  if (drifting !== undefined) result = result.filter((item) => item.drifting === (drifting === 'true'));
  return [...result.filter((item) => item.drifting), ...result.filter((item) => !item.drifting)];
}
