/**
 * Messages for bad evidence, as constants (tests and the API match them).
 *
 * @example
 * expect(() => updateInput('x', input)).toThrow(EVIDENCE_ERRORS.sdNotPositive);
 */
export const EVIDENCE_ERRORS = {
  notFinite: 'must be a finite number',
  sdNotPositive: 'the standard deviation must be greater than 0',
  summaryTooSmall: 'a summary needs n of at least 2 (a standard deviation needs two measurements)',
  nNotInteger: 'n must be a whole number',
  tooFewObservations: 'give at least 2 observations (a standard deviation needs two)',
  observationsEqual: 'the observations are all equal, so their standard deviation is 0; give a summary with the measurement sd instead',
  outsideSupport: 'lies outside the range the input can take',
  successesAboveTrials: 'successes must not exceed trials',
  countsNotWhole: 'must be a whole number of at least 0',
  trialsNotPositive: 'trials must be at least 1',
  logMeanNotPositive: 'the mean must be greater than 0 for a lognormal input (the update works on logarithms)',
  notProportionLike:
    'proportion evidence needs a proportion-like input: beta, or PERT, triangular or uniform within [0, 1]; give observations or a summary for other inputs',
  unsupported:
    'evidence can update normal and lognormal inputs, bounded inputs (uniform, triangular, PERT, beta) through a matched normal, and proportion-like inputs through a beta; not',
  factor: 'each representativeness factor must lie in (0, 1]',
  noPosterior:
    "the updated distribution leaves no probability inside the input's range: the evidence contradicts the stated range; widen the range or check the evidence",
} as const;

/**
 * Bad evidence on an input. `path` is the JSON pointer of the offending field,
 * e.g. `/inputs/minutesSaved/evidence/summary/sd`.
 *
 * @example
 * try { updateInput(name, input) } catch (e) { if (e instanceof EvidenceError) issues.push({ path: e.path, message: e.message }) }
 */
export class EvidenceError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'EvidenceError';
  }
}

/**
 * The JSON pointer of a field of an input's evidence.
 *
 * @example
 * evidencePath('minutesSaved', 'summary', 'sd') // '/inputs/minutesSaved/evidence/summary/sd'
 */
export function evidencePath(input: string, ...field: (string | number)[]): string {
  const escapePart = (part: string | number): string => String(part).replace(/~/g, '~0').replace(/\//g, '~1');
  return ['', 'inputs', input, 'evidence', ...field].map(escapePart).join('/');
}
