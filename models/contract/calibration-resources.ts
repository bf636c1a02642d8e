// The HTTP resource of estimator calibration (issue 20, item 5), shared by api/ and web/.
import type { EstimatorCalibration } from '../calibration/estimator-calibration.ts';

/** `GET /api/calibration`: how each estimator's 90 % ranges held up across the portfolio. */
export interface CalibrationResource {
  /** The share a 90 % range should hold: 0.9. */
  target: number;
  /** Evidence resolves a range when its posterior 90 % interval is narrower than this share of the range. */
  evidenceResolutionShare: number;
  /** Cases read (the current version of each case that is not archived and is complete). */
  cases: number;
  /** Inputs that name who gave their range, resolved or not. */
  estimatedInputs: number;
  /** Per estimator, most resolved ranges first; each with its resolved ranges. */
  estimators: EstimatorCalibration[];
}
