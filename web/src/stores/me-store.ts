import { createResource } from 'solid-js';
import { api } from '../lib/api.ts';

/** Who is using the app, and with which roles (local single-user mode grants all). */
const [me, { refetch: refetchMe }] = createResource(() => api.me().catch(() => null));

export { me, refetchMe };

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
