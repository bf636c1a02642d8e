import type { VersionResource } from '../../models/contract/resources.ts';
import type { Queryable } from '../storage/database.ts';

/**
 * Consecutive autosaves by one person within this many minutes (counted from the first
 * of the burst) keep one working version: each replaces the previous one.
 */
export const WORKING_VERSION_WINDOW_MINUTES = 10;

/** The columns a version resource is read from (documents excepted). */
export const VERSION_COLUMNS = 'version, hash, created_at, created_by, message, named, named_by, named_at';

/** A case_versions row as selected with VERSION_COLUMNS. */
export interface VersionRow {
  version: number;
  hash: string;
  created_at: Date;
  created_by: string;
  message: string | null;
  named: boolean;
  named_by: string | null;
  named_at: Date | null;
}

/**
 * A version row as the API sends it.
 *
 * @example
 * const resource = toVersion(rows[0]);
 */
export function toVersion(row: VersionRow): VersionResource {
  return {
    version: Number(row.version),
    hash: row.hash,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
    message: row.message,
    named: Boolean(row.named),
    namedBy: row.named_by,
    namedAt: row.named_at ? new Date(row.named_at).toISOString() : null,
  };
}

/** What naming a version did. */
export type NameOutcome =
  | { kind: 'named'; version: VersionResource }
  | { kind: 'alreadyNamed'; version: VersionResource }
  | { kind: 'notCurrent'; currentVersion: number }
  | { kind: 'missing' };

/**
 * Names a version: marks it with a message, the person and the time. With `onlyIfCurrent`
 * the version must still be the case's current one (checked in the same statement, so a
 * save in between cannot slip through). A named version keeps its name: naming it again
 * answers `alreadyNamed` with the name it has.
 *
 * @example
 * await nameVersion(db, caseId, 7, 'sent to the CFO', 'Ada', { onlyIfCurrent: true });
 */
export async function nameVersion(
  db: Queryable,
  caseId: string,
  version: number,
  message: string,
  namedBy: string,
  options: { onlyIfCurrent: boolean },
): Promise<NameOutcome> {
  const { rows } = await db.query<VersionRow>(
    `UPDATE case_versions v SET named = true, message = $3, named_by = $4, named_at = now()
     FROM cases c
     WHERE c.id = v.case_id AND v.case_id = $1 AND v.version = $2 AND NOT v.named ${options.onlyIfCurrent ? 'AND c.current_version = $2' : ''}
     RETURNING ${VERSION_COLUMNS.replace(/(\w+)/g, 'v.$1')}`,
    [caseId, version, message, namedBy],
  );
  if (rows[0]) return { kind: 'named', version: toVersion(rows[0]) };
  const current = await db.query<VersionRow & { current_version: number }>(
    `SELECT ${VERSION_COLUMNS.replace(/(\w+)/g, 'v.$1')}, c.current_version FROM cases c
     LEFT JOIN case_versions v ON v.case_id = c.id AND v.version = $2 WHERE c.id = $1`,
    [caseId, version],
  );
  const row = current.rows[0];
  if (!row || row.version === null) return { kind: 'missing' };
  if (row.named) return { kind: 'alreadyNamed', version: toVersion(row) };
  return { kind: 'notCurrent', currentVersion: Number(row.current_version) };
}

/**
 * When the version that follows `previous` is an autosave by `by`: the start of the burst
 * it continues (the previous working version's, when that one can be replaced), or null
 * when the new autosave starts a burst of its own.
 *
 * @example
 * const since = await burstStart(tx, caseId, 6, 'Ada'); // Date, or null
 */
export async function burstStart(db: Queryable, caseId: string, previous: number, by: string): Promise<Date | null> {
  const { rows } = await db.query<{ working_since: Date }>(
    `SELECT working_since FROM case_versions
     WHERE case_id = $1 AND version = $2 AND created_by = $3 AND NOT named AND message IS NULL
       AND working_since > now() - interval '${WORKING_VERSION_WINDOW_MINUTES} minutes'`,
    [caseId, previous, by],
  );
  return rows[0] ? new Date(rows[0].working_since) : null;
}

/**
 * Drops a working version a newer autosave replaced, unless it was named meanwhile or a run
 * or decision points to it (they pin versions; such a version stays). Best effort: if the
 * delete fails (a run being created for it at that moment), the version simply stays.
 *
 * @example
 * await dropReplacedWorkingVersion(db, caseId, 6);
 */
export async function dropReplacedWorkingVersion(db: Queryable, caseId: string, version: number): Promise<boolean> {
  try {
    const { rows } = await db.query<{ version: number }>(
      `DELETE FROM case_versions v
       WHERE v.case_id = $1 AND v.version = $2 AND NOT v.named AND v.working_since IS NOT NULL
         AND v.version < (SELECT current_version FROM cases WHERE id = $1)
         AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.case_id = $1 AND r.case_version = $2)
         AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.case_id = $1 AND d.case_version = $2)
       RETURNING v.version`,
      [caseId, version],
    );
    return rows.length > 0;
  } catch {
    return false;
  }
}
