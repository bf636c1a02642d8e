import { ApiError } from './api.ts';

/** One named error of a server problem. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * The field errors of a failed request (the problem's `errors`), or one error at '' with the
 * problem's words when it names no field (a 403, a network failure).
 *
 * @example
 * problemErrors(error).find((entry) => entry.path.startsWith('/tiers/1'))?.message
 */
export function problemErrors(error: unknown): FieldError[] {
  if (error instanceof ApiError) {
    const named = error.problem.errors ?? [];
    if (named.length) return named.map((entry) => ({ path: entry.path, message: entry.message }));
    return [{ path: '', message: error.problem.detail ?? error.problem.title }];
  }
  return [{ path: '', message: error instanceof Error ? error.message : String(error) }];
}

/**
 * The messages at a JSON pointer or below it.
 *
 * @example
 * errorsUnder([{ path: '/tiers/0/label', message: 'must not be empty' }], '/tiers/0/label') // ['must not be empty']
 */
export function errorsUnder(errors: readonly FieldError[], pointer: string): string[] {
  return errors.filter((entry) => entry.path === pointer || entry.path.startsWith(`${pointer}/`)).map((entry) => entry.message);
}
