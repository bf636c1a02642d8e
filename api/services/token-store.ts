import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { BusinessFunction } from '../../models/case/governance-schema.ts';
import type { Queryable } from '../storage/database.ts';

export const ROLES = ['viewer', 'editor', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: a token's name, person and role, or the local single user. */
export interface Principal {
  /** The token's name (unique), or "local user". */
  name: string;
  /** The person the token was issued to (the token's name when none was given). */
  person: string;
  /** The token's id; absent for the local single user. */
  tokenId?: string;
  role: Role | 'local';
  permissions: ReadonlySet<Permission>;
  /** The functions the person signs checklist items for (issue 18); none for the local user, who signs as admin. */
  functions: readonly BusinessFunction[];
}

/** A token name already in use (names are unique, ignoring case). */
export class DuplicateTokenName extends Error {
  constructor(readonly tokenName: string) {
    super(`a token named "${tokenName}" already exists (names are unique, ignoring case, revoked tokens included)`);
    this.name = 'DuplicateTokenName';
  }
}

/** Who issues a token: the issuing token and its person. */
export interface TokenIssue {
  /** The person the token is for (default: its name). */
  person?: string;
  /** The id of the token that issued it (none for bootstrap tokens and the local user). */
  issuedBy?: string;
  /** The person who issued it. */
  issuedByPerson?: string;
  /** The functions it signs checklist items for. */
  functions?: readonly BusinessFunction[];
}

/**
 * The same person, ignoring case and surrounding or repeated spaces.
 *
 * @example
 * samePerson(' Ada  Lovelace', 'ada lovelace') // true
 */
export function samePerson(a: string, b: string): boolean {
  const norm = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(a) === norm(b);
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
 * Creates a token for a role and returns it (the only time it is visible). Throws
 * DuplicateTokenName when the name is taken.
 *
 * @example
 * const { token } = await createToken(db, 'CFO office', 'viewer');
 * await createToken(db, 'Ada (approver)', 'approver', undefined, { person: 'Ada Lovelace', issuedBy: adminTokenId, issuedByPerson: 'Grace' });
 */
export async function createToken(
  db: Queryable,
  name: string,
  role: Role,
  token = `vg_${randomBytes(32).toString('base64url')}`,
  issue: TokenIssue = {},
): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  const taken = await db.query('SELECT 1 FROM api_tokens WHERE lower(name) = lower($1)', [name]);
  if (taken.rows.length) throw new DuplicateTokenName(name);
  try {
    await db.query(
      'INSERT INTO api_tokens (id, name, role, token_hash, person, issued_by, issued_by_person, functions) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [id, name, role, hashToken(token), issue.person ?? name, issue.issuedBy ?? null, issue.issuedByPerson ?? null, JSON.stringify(issue.functions ?? [])],
    );
  } catch (error) {
    // Two issuers racing for one name: the unique index decides.
    if ((error as { code?: string }).code === '23505' && /api_tokens_name_unique/.test(String((error as Error).message))) throw new DuplicateTokenName(name);
    throw error;
  }
  return { id, token };
}

/** `base`, or `base (2)`, `base (3)`… when taken: bootstrap tokens must not fail on an old name. */
async function freeName(db: Queryable, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    const { rows } = await db.query('SELECT 1 FROM api_tokens WHERE lower(name) = lower($1)', [name]);
    if (!rows.length) return name;
  }
}

/**
 * The people up a token's issuing chain: who issued it, who issued that issuer's token,
 * and so on. A decision token whose own person is among them was, in effect, issued to
 * oneself.
 *
 * @example
 * const issuers = await issuerChain(db, principal.tokenId); // ['Grace', 'first admin']
 */
export async function issuerChain(db: Queryable, tokenId: string): Promise<string[]> {
  const { rows } = await db.query<{ issued_by_person: string | null }>(
    `WITH RECURSIVE chain (id, issued_by, issued_by_person, depth) AS (
       SELECT id, issued_by, issued_by_person, 0 FROM api_tokens WHERE id = $1
       UNION ALL
       SELECT t.id, t.issued_by, t.issued_by_person, chain.depth + 1 FROM api_tokens t JOIN chain ON t.id = chain.issued_by WHERE chain.depth < 1000
     )
     SELECT issued_by_person FROM chain`,
    [tokenId],
  );
  return rows.map((row) => row.issued_by_person).filter((person): person is string => person !== null);
}

/**
 * The principal for a bearer token, or null when unknown or revoked.
 *
 * @example
 * const principal = await principalForToken(db, header.slice(7));
 */
export async function principalForToken(db: Queryable, token: string): Promise<Principal | null> {
  const { rows } = await db.query<{ id: string; name: string; person: string; role: Role; functions: BusinessFunction[] }>(
    'SELECT id, name, person, role, functions FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
    [hashToken(token)],
  );
  const row = rows[0];
  return row
    ? {
        name: row.name,
        person: row.person,
        tokenId: String(row.id),
        role: row.role,
        permissions: new Set(ROLE_PERMISSIONS[row.role]),
        functions: row.functions ?? [],
      }
    : null;
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
    if (existing.rows.length === 0) await createToken(db, await freeName(db, 'admin (VALUEGATE_ADMIN_TOKEN)'), 'admin', configured);
    return null;
  }
  const { rows } = await db.query("SELECT 1 FROM api_tokens WHERE role = 'admin' AND revoked_at IS NULL LIMIT 1");
  if (rows.length > 0) return null;
  return (await createToken(db, await freeName(db, 'first admin'), 'admin')).token;
}

/** A token as listed to admins: never the token itself. */
export interface TokenInfo {
  id: string;
  name: string;
  person: string;
  role: Role;
  /** The person who issued it; null for bootstrap tokens. */
  issuedBy: string | null;
  /** The functions it signs checklist items for. */
  functions: BusinessFunction[];
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
  const { rows } = await db.query<{
    id: string;
    name: string;
    person: string;
    role: Role;
    issued_by_person: string | null;
    functions: BusinessFunction[];
    created_at: Date;
    revoked_at: Date | null;
  }>('SELECT id, name, person, role, issued_by_person, functions, created_at, revoked_at FROM api_tokens ORDER BY created_at DESC, id');
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    person: row.person,
    role: row.role,
    issuedBy: row.issued_by_person,
    functions: row.functions ?? [],
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

/**
 * Replaces the functions a token signs for; returns false when there is no such token.
 *
 * @example
 * await setTokenFunctions(db, id, ['legal']);
 */
export async function setTokenFunctions(db: Queryable, id: string, functions: readonly BusinessFunction[]): Promise<boolean> {
  const { rows } = await db.query('UPDATE api_tokens SET functions = $2 WHERE id = $1 RETURNING id', [id, JSON.stringify(functions)]);
  return rows.length > 0;
}
