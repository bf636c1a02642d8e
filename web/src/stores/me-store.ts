import { createResource } from 'solid-js';
import { FUNCTION_LABELS, type BusinessFunction } from '../../../models/case/governance-schema.ts';
import { api } from '../lib/api.ts';

/** Who is using the app, and with which roles (local single-user mode grants all). */
const [me, { refetch: refetchMe, mutate: setMe }] = createResource(() => api.me().catch(() => null));

export { me, refetchMe };

/**
 * Forgets who the user is, as a page whose /api/me could not be read (test files that share one
 * window start from here; the next `refetchMe` reads it again).
 *
 * @example
 * resetMe();
 */
export function resetMe(): void {
  setMe(null);
}

/**
 * Whether the user holds a role (or its permission). When /api/me cannot be read the
 * form is shown and the server, which checks every request, has the last word.
 */
function holds(role: string, permission: string): boolean {
  const current = me();
  if (!current) return true;
  if (current.mode === 'local' || current.role === role || current.role === 'admin') return true;
  return current.permissions.includes(permission);
}

/** Whether the current user may record decisions (the approver role). */
export const isApprover = (): boolean => holds('approver', 'decide');

/** Whether the current user may edit cases and start runs (the editor role). */
export const isEditor = (): boolean => holds('editor', 'write') || holds('approver', 'decide');

/** Whether the current user may change the portfolio's rules (the admin role). */
export const isAdmin = (): boolean => holds('admin', 'admin');

/**
 * Why the current user cannot sign an item of `fn`, or null when they can (their token carries
 * the function, or they are an admin, who signs recorded as such).
 *
 * @example
 * signOffBlocker('legal') // 'Only the Legal function (or an admin) signs this item; your token carries Data.'
 */
export function signOffBlocker(fn: BusinessFunction): string | null {
  const current = me();
  if (!current || isAdmin() || current.functions?.includes(fn)) return null;
  const carries = current.functions?.length ? current.functions.map((f) => FUNCTION_LABELS[f]).join(', ') : 'no function';
  return `Only the ${FUNCTION_LABELS[fn]} function (or an admin) signs this item; your token carries ${carries}.`;
}
