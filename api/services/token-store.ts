import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from '../storage/database.ts';

export const ROLES = ['viewer', 'editor', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: a token's name and role, or the local single user. */
export interface Principal {
  name: string;
  role: Role | 'local';
  permissions: ReadonlySet<Permission>;
}

export type Permission = 'read' | 'write' | 'decide' | 'admin';

/** What each role may do. Only approvers decide; admins manage tokens but do not approve. */
export const ROLE_PERMISSIONS: Record<Role | 'local', readonly Permission[]> = {
  viewer: ['read'],
  editor: ['read', 'write'],
  approver: ['read', 'write', 'decide'],
  admin: ['read', 'write', 'admin'],
  local: ['read', 'write', 'decide', 'admin'],
};

/**
 * Hashes a token for storage: the token itself is never stored.
 *
 * @example
 * hashToken('vg_abc') // 64 hex characters
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Creates a token for a role and returns it (the only time it is visible).
 *
 * @example
 * const { token } = await createToken(db, 'CFO office', 'viewer');
 */
export async function createToken(db: Queryable, name: string, role: Role, token = `vg_${randomBytes(32).toString('base64url')}`): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  await db.query('INSERT INTO api_tokens (id, name, role, token_hash) VALUES ($1, $2, $3, $4)', [id, name, role, hashToken(token)]);
  return { id, token };
}

/**
 * The principal for a bearer token, or null when unknown or revoked.
 *
 * @example
 * const principal = await principalForToken(db, header.slice(7));
 */
export async function principalForToken(db: Queryable, token: string): Promise<Principal | null> {
  const { rows } = await db.query<{ name: string; role: Role }>(
    'SELECT name, role FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
    [hashToken(token)],
  );
  const row = rows[0];
  return row ? { name: row.name, role: row.role, permissions: new Set(ROLE_PERMISSIONS[row.role]) } : null;
}

/**
 * Makes sure an admin token exists. Returns a newly created token (to print once),
 * or null when one already existed.
 *
 * @example
 * const created = await ensureAdminToken(db, process.env.VALUEGATE_ADMIN_TOKEN);
 */
export async function ensureAdminToken(db: Queryable, configured?: string): Promise<string | null> {
  if (configured) {
    const existing = await db.query('SELECT 1 FROM api_tokens WHERE token_hash = $1', [hashToken(configured)]);
    if (existing.rows.length === 0) await createToken(db, 'admin (VALUEGATE_ADMIN_TOKEN)', 'admin', configured);
    return null;
  }
  const { rows } = await db.query("SELECT 1 FROM api_tokens WHERE role = 'admin' AND revoked_at IS NULL LIMIT 1");
  if (rows.length > 0) return null;
  return (await createToken(db, 'first admin', 'admin')).token;
}

/** A token as listed to admins: never the token itself. */
export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

/**
 * Every token, newest first, without secrets.
 *
 * @example
 * const tokens = await listTokens(db);
 */
export async function listTokens(db: Queryable): Promise<TokenInfo[]> {
  const { rows } = await db.query<{ id: string; name: string; role: Role; created_at: Date; revoked_at: Date | null }>(
    'SELECT id, name, role, created_at, revoked_at FROM api_tokens ORDER BY created_at DESC, id',
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: new Date(row.created_at).toISOString(),
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
  }));
}

/**
 * Revokes a token; returns false when there is no such token.
 *
 * @example
 * await revokeToken(db, id);
 */
export async function revokeToken(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query('UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING id', [id]);
  return rows.length > 0;
}
