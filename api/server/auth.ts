import type { MiddlewareHandler } from 'hono';
import type { Database } from '../storage/database.ts';
import { ROLE_PERMISSIONS, principalForToken, type Permission, type Principal } from '../services/token-store.ts';
import { ApiError } from './problem.ts';
import type { AppEnv } from './app-env.ts';

const LOCAL_USER: Principal = { name: 'local user', person: 'local user', role: 'local', permissions: new Set(ROLE_PERMISSIONS.local), functions: [] };

/**
 * Resolves the caller from `Authorization: Bearer <token>` (or grants the local
 * single user every role when auth is off). Unauthenticated requests get 401.
 *
 * @example
 * app.use('/api/*', authenticate(db, { disabled: false }));
 */
export function authenticate(db: Database, options: { disabled: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (options.disabled) {
      c.set('principal', LOCAL_USER);
      return next();
    }
    const header = c.req.header('authorization');
    if (!header) throw new ApiError(401, 'missing bearer token: send "Authorization: Bearer <token>"', undefined, {}, { 'WWW-Authenticate': 'Bearer' });
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new ApiError(401, 'the Authorization header must be "Bearer <token>"', undefined, {}, { 'WWW-Authenticate': 'Bearer' });
    const principal = await principalForToken(db, match[1]);
    if (!principal) throw new ApiError(401, 'unknown or revoked token', undefined, {}, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    c.set('principal', principal);
    return next();
  };
}

const PERMISSION_NAMES: Record<Permission, string> = {
  read: 'the viewer role',
  write: 'the editor role',
  decide: 'the approver role',
  admin: 'the admin role',
};

/**
 * Rejects with 403 unless the caller has the permission.
 *
 * @example
 * app.post('/api/cases/:id/decisions', requirePermission('decide'), handler);
 */
export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (!principal.permissions.has(permission)) {
      throw new ApiError(403, `this needs ${PERMISSION_NAMES[permission]}; your token has the ${principal.role} role`);
    }
    return next();
  };
}
