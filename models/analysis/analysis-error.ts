/**
 * Bad analysis settings (unknown output, unusable percentiles, too few trials).
 * `field` names the option, so the CLI and API can point at it.
 *
 * @example
 * throw new AnalysisError('output', 'unknown output "npvv"', 'npv');
 */
export class AnalysisError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'AnalysisError';
  }
}
