/** The estimator calibration call (issue 20, item 5; docs/api.md). */
import { createResource } from 'solid-js';
import type { CalibrationResource } from '../../../models/contract/calibration-resources.ts';
import { json } from './api.ts';

/**
 * @example
 * const { estimators } = await calibrationApi.get();
 */
export const calibrationApi = {
  /** Per estimator across the portfolio: resolved ranges, hit rate, interval score and widening factor. */
  get: () => json<CalibrationResource>('GET', '/calibration'),
};

let shared: ReturnType<typeof createResource<CalibrationResource | null>> | undefined;

/**
 * The portfolio's calibration, read once per page load and shared by every input card
 * (null when it cannot be read: the editor then shows no factor).
 *
 * @example
 * const [calibration] = sharedCalibration();
 */
export function sharedCalibration(): ReturnType<typeof createResource<CalibrationResource | null>> {
  shared ??= createResource(() => calibrationApi.get().catch(() => null));
  return shared;
}

/**
 * Drops the shared calibration, so the next `sharedCalibration()` reads it again, as after a page load
 * (test files that share one window start from here).
 *
 * @example
 * resetSharedCalibration();
 */
export function resetSharedCalibration(): void {
  shared = undefined;
}
