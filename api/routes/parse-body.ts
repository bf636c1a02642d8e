import type { z } from 'zod';
import { ApiError } from '../server/problem.ts';

/**
 * Parses a request body with a zod schema, or 422 naming every field and its problem
 * (JSON pointers such as /tiers/1/approvals/0).
 *
 * @example
 * const { tiers } = parseBody(settingsBody, await readJson(c), 'the governance settings');
 */
export function parseBody<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: `/${issue.path.join('/')}`, message: issue.message }));
  throw new ApiError(
    422,
    `${what} ${issues.length === 1 ? 'has a problem' : `have ${issues.length} problems`}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
    issues,
  );
}
