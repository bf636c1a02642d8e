import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One field-level problem: the JSON pointer of the field and what is wrong. */
export interface FieldProblem {
  path: string;
  message: string;
  hint?: string;
}

/** An RFC 9457 problem details document. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * A typed API error that renders as problem+json. `extensions` are extra members
 * (e.g. `current` on a 412).
 *
 * @example
 * throw new ApiError(404, 'no case with id 42');
 */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly detail: string,
    readonly errors?: FieldProblem[],
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(status, { message: detail });
  }
}

/**
 * Builds a problem document.
 *
 * @example
 * problem(422, 'invalid case', '/api/cases', [{ path: '/horizonMonths', message: 'must be at most 240' }])
 */
export function problem(status: number, detail: string, instance?: string, errors?: FieldProblem[], extensions: Record<string, unknown> = {}): ProblemDocument {
  return {
    type: status >= 500 ? 'about:blank' : `https://valuegate.dev/problems/${status}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(instance ? { instance } : {}),
    ...(errors?.length ? { errors } : {}),
    ...extensions,
  };
}
