import { randomUUID } from 'node:crypto';
import type { CaseResource, VersionResource } from '../../models/contract/resources.ts';
import type { BusinessCase, CaseInput } from '../../models/case/case-schema.ts';
import type { CaseDraftDocument } from '../../models/case/draft-schema.ts';
import { caseHash } from '../../models/decision/case-hash.ts';
import type { Database, Queryable } from '../storage/database.ts';
import { burstStart, dropReplacedWorkingVersion, toVersion, VERSION_COLUMNS, type VersionRow } from './version-store.ts';

/** A case as stored: the resource without its validation warnings and to-do list. */
export type CaseRecord = Omit<CaseResource, 'warnings' | 'todo' | 'complete'>;

interface CaseRow {
  id: string;
  name: string;
  business_owner: string | null;
  sponsor: string;
  currency: string;
  locale: string | null;
  current_version: number;
  current_hash: string;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  created_by: string;
  document: unknown;
}

const SELECT_CASE = `
  SELECT c.*, v.document FROM cases c
  JOIN case_versions v ON v.case_id = c.id AND v.version = c.current_version`;

function toRecord(row: CaseRow): CaseRecord {
  return {
    id: row.id,
    name: row.name,
    businessOwner: row.business_owner,
    sponsor: row.sponsor,
    // A draft may have no currency yet: stored as blank in the char(3) column.
    currency: row.currency.trim(),
    locale: row.locale,
    currentVersion: Number(row.current_version),
    hash: row.current_hash,
    archived: row.archived_at !== null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    createdBy: row.created_by,
    document: row.document as CaseInput,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a string is a UUID (ids are; anything else cannot name a row).
 *
 * @example
 * isUuid('not-an-id') // false
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** What is stored: a validated case, or a draft that parses (sponsor and currency may be missing yet). */
export type StoredCase = BusinessCase | CaseDraftDocument;

/** name, business_owner, sponsor, currency, locale: blank where a draft has not said yet. */
const headerColumns = (parsed: StoredCase) =>
  [parsed.name, parsed.ownership?.businessOwner ?? null, parsed.ownership?.sponsor ?? '', parsed.currency ?? '', parsed.locale ?? null] as const;

/** A connection that can run several statements as one transaction (both storage modes). */
export type TransactionalDb = Queryable & Pick<Database, 'transaction'>;

/**
 * Stores a new case as version 1. The case row and its first version go in one
 * transaction: a crash between them cannot leave a case without a version.
 *
 * @example
 * const record = await createCase(db, document, parsed, 'alice');
 */
export async function createCase(db: TransactionalDb, document: unknown, parsed: StoredCase, createdBy: string, message?: string): Promise<CaseRecord> {
  const id = randomUUID();
  // One hashing rule everywhere: the validated case (a draft as parsed), so written-out defaults do not change it.
  const hash = caseHash(parsed as BusinessCase);
  await db.transaction(async (tx) => {
    // The checklist template version current now is the case's for good (issue 18).
    await tx.query(
      `INSERT INTO cases (id, name, business_owner, sponsor, currency, locale, current_version, current_hash, created_by, checklist_template_version)
       VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, (SELECT COALESCE(max(version), 1) FROM checklist_templates))`,
      [id, ...headerColumns(parsed), hash, createdBy],
    );
    await tx.query('INSERT INTO case_versions (case_id, version, document, hash, message, created_by) VALUES ($1, 1, $2, $3, $4, $5)', [
      id,
      JSON.stringify(document),
      hash,
      message ?? 'created',
      createdBy,
    ]);
  });
  return (await getCase(db, id))!;
}

/**
 * One case with its current document, or null.
 *
 * @example
 * const record = await getCase(db, id);
 */
export async function getCase(db: Queryable, id: string): Promise<CaseRecord | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query<CaseRow>(`${SELECT_CASE} WHERE c.id = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : null;
}

/** The outcome of a conditional update. */
export type UpdateOutcome = { kind: 'updated'; record: CaseRecord } | { kind: 'conflict'; current: CaseRecord } | { kind: 'missing' };

/** How a save is kept: named (marked with its message), or an autosave that may replace the previous working version. */
export interface SaveKind {
  /** Name the new version with `message` (by the saver, now). */
  named?: boolean;
  /**
   * An autosave: when the current version is an unnamed autosave by the same person from the
   * same burst (WORKING_VERSION_WINDOW_MINUTES), the new version replaces it, unless a run or
   * decision points to it. Version numbers then skip the replaced one.
   */
  autosave?: boolean;
  /** Work that commits (or rolls back) with the new version, e.g. a sign-off's history row. */
  withSave?: (tx: Queryable, version: number) => Promise<void>;
}

/**
 * Saves a new version only if the case is still at `expectedVersion` (optimistic
 * concurrency): the version check and the insert happen in one transaction with a
 * conditional UPDATE, so of concurrent writers exactly one wins each version and
 * the others get a conflict. No write is ever lost silently.
 *
 * @example
 * const outcome = await updateCase(db, id, 3, document, parsed, 'alice');
 */
export async function updateCase(
  db: TransactionalDb,
  id: string,
  expectedVersion: number,
  document: unknown,
  parsed: StoredCase,
  updatedBy: string,
  message?: string,
  kind: SaveKind = {},
): Promise<UpdateOutcome> {
  if (!isUuid(id)) return { kind: 'missing' };
  const hash = caseHash(parsed as BusinessCase);
  const autosave = Boolean(kind.autosave && !kind.named && !message);
  const updated = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ current_version: number }>(
      `UPDATE cases SET current_version = current_version + 1, current_hash = $3, name = $4, business_owner = $5,
         sponsor = $6, currency = $7, locale = $8, updated_at = now()
       WHERE id = $1 AND current_version = $2 AND archived_at IS NULL
       RETURNING current_version`,
      [id, expectedVersion, hash, ...headerColumns(parsed)],
    );
    if (rows.length === 0) return null;
    const since = autosave ? await burstStart(tx, id, expectedVersion, updatedBy) : null;
    await tx.query(
      `INSERT INTO case_versions (case_id, version, document, hash, message, created_by, named, named_by, named_at, working_since)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $7 THEN $6 END, CASE WHEN $7 THEN now() END, CASE WHEN $8 THEN COALESCE($9, now()) END)`,
      [id, Number(rows[0].current_version), JSON.stringify(document), hash, message ?? null, updatedBy, Boolean(kind.named), autosave, since],
    );
    await kind.withSave?.(tx, Number(rows[0].current_version));
    return { replaces: since ? expectedVersion : null };
  });
  if (updated?.replaces) await dropReplacedWorkingVersion(db, id, updated.replaces);
  const current = await getCase(db, id);
  if (!current) return { kind: 'missing' };
  return updated ? { kind: 'updated', record: current } : { kind: 'conflict', current };
}

/**
 * Archives a case (it stays readable; it leaves the default lists).
 *
 * @example
 * await archiveCase(db, id);
 */
export async function archiveCase(db: Queryable, id: string): Promise<CaseRecord | null> {
  if (!isUuid(id)) return null;
  await db.query('UPDATE cases SET archived_at = COALESCE(archived_at, now()), updated_at = now() WHERE id = $1', [id]);
  return getCase(db, id);
}

/** One stored version. */
export type VersionRecord = VersionResource;

/**
 * The versions of a case without documents: named versions first, then working versions,
 * each oldest first. `named` keeps only the named (true) or the working (false) ones.
 *
 * @example
 * const versions = await listVersions(db, id);
 */
export async function listVersions(db: Queryable, id: string, options: { named?: boolean } = {}): Promise<VersionRecord[]> {
  const filter = options.named === undefined ? '' : `AND ${options.named ? '' : 'NOT '}named`;
  const { rows } = await db.query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM case_versions WHERE case_id = $1 ${filter} ORDER BY named DESC, version`, [id]);
  return rows.map(toVersion);
}

/**
 * One version with its document, or null.
 *
 * @example
 * const v2 = await getVersion(db, id, 2);
 */
export async function getVersion(db: Queryable, id: string, version: number): Promise<VersionRecord | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query<VersionRow & { document: unknown }>(
    `SELECT ${VERSION_COLUMNS}, document FROM case_versions WHERE case_id = $1 AND version = $2`,
    [id, version],
  );
  return rows[0] ? { ...toVersion(rows[0]), document: rows[0].document } : null;
}

/**
 * All cases (current documents), newest first, optionally including archived ones.
 *
 * @example
 * const cases = await listCases(db, { includeArchived: false });
 */
export async function listCases(db: Queryable, options: { includeArchived: boolean }): Promise<CaseRecord[]> {
  const { rows } = await db.query<CaseRow>(`${SELECT_CASE} ${options.includeArchived ? '' : 'WHERE c.archived_at IS NULL'} ORDER BY c.updated_at DESC, c.id`);
  return rows.map(toRecord);
}
