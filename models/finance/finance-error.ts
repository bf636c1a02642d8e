/**
 * Why a finance function refused to return a number.
 *
 * - `INVALID_ARGUMENT`: an argument is malformed; `argument` names it.
 * - `NO_SIGN_CHANGE`: the cash flows lack a positive or a negative value, so no
 *   rate of return exists (Excel: #NUM! for IRR/XIRR, #DIV/0! for MIRR).
 * - `MULTIPLE_IRR`: more than one rate above -100% sets the NPV to zero; `rates` lists them.
 * - `NO_IRR`: the flows change sign, yet no rate above -100% sets the NPV to zero.
 * - `NO_CONVERGENCE`: a rate exists but lies outside the range a float can search.
 *
 * @example
 * const code: FinanceErrorCode = 'MULTIPLE_IRR';
 */
export type FinanceErrorCode = 'INVALID_ARGUMENT' | 'NO_SIGN_CHANGE' | 'MULTIPLE_IRR' | 'NO_IRR' | 'NO_CONVERGENCE';

/**
 * Every message a `FinanceError` can carry. Argument messages are prefixed with
 * the argument's name when thrown, e.g. `"cashFlows[2] must be a finite number"`.
 *
 * @example
 * if (error.message.endsWith(FINANCE_ERROR_MESSAGES.RATE_NOT_ABOVE_MINUS_ONE)) showRateHint();
 */
export const FINANCE_ERROR_MESSAGES = Object.freeze({
  NOT_A_FINITE_NUMBER: 'must be a finite number',
  NOT_AN_ARRAY: 'must be an array',
  EMPTY: 'must contain at least one value',
  LENGTH_MISMATCH: 'must have the same length as cashFlows',
  RATE_NOT_ABOVE_MINUS_ONE: 'must be greater than -1 (-100%)',
  INVALID_DATE: "must be a valid Date or an ISO date string 'YYYY-MM-DD'",
  DATE_BEFORE_FIRST_DATE: 'must not precede the first date (Excel returns #NUM!)',
  INVALID_PAYMENT_TIMING: 'must be 0 (end of period) or 1 (start of period)',
  NOT_A_BOOLEAN: 'must be a boolean',
  NOT_AN_OBJECT: 'must be an object',
  NO_SIGN_CHANGE: 'cash flows need at least one positive and one negative value',
  MULTIPLE_IRR: 'cash flows have more than one internal rate of return',
  ZERO_AT_EVERY_RATE: 'net present value is zero at every rate, so the rate of return is undefined',
  NO_IRR: 'no rate above -1 makes the net present value zero',
  NO_CONVERGENCE: 'a rate of return exists but lies beyond the searchable range (-1 + 1e-15 to 1e300)',
} as const);

/**
 * Optional context attached to a `FinanceError`.
 *
 * @example
 * const details: FinanceErrorDetails = { argument: 'rate' };
 */
export interface FinanceErrorDetails {
  /** The offending argument, for `INVALID_ARGUMENT`. */
  readonly argument?: string;
  /** Every rate found, for `MULTIPLE_IRR`. */
  readonly rates?: readonly number[];
}

/**
 * The only error the finance functions throw. Branch on `code`, never on `message`.
 *
 * @example
 * try {
 *   irr([-1, 5, -6]);
 * } catch (error) {
 *   if (error instanceof FinanceError && error.code === 'MULTIPLE_IRR') console.log(error.rates); // [1, 2]
 * }
 */
export class FinanceError extends Error {
  override readonly name = 'FinanceError';
  readonly code: FinanceErrorCode;
  readonly argument: string | undefined;
  readonly rates: readonly number[] | undefined;

  constructor(code: FinanceErrorCode, message: string, details: FinanceErrorDetails = {}) {
    super(message);
    this.code = code;
    this.argument = details.argument;
    this.rates = details.rates === undefined ? undefined : Object.freeze([...details.rates]);
  }
}
