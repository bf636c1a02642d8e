import type { ActualChange, ActualRowInput, ActualValueRecord, ActualsPostResult } from '../../models/contract/resources.ts';
import type { Queryable } from '../storage/database.ts';
import type { TransactionalDb } from './case-store.ts';

const iso = (value: unknown): string => new Date(value as string).toISOString();
const numberOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * Stores many actuals at once, in one transaction: a new (month, series) is created, a
 * different value (or note) updates it, the same value leaves it unchanged. Every creation
 * and update is kept in the history with who and when.
 *
 * @example
 * await saveActualRows(db, caseId, [{ month: '2027-03', series: 'net', value: 1200 }], 'alice', new Date());
 * // { accepted: 1, created: 1, updated: 0, unchanged: 0 }
 */
export async function saveActualRows(
  db: TransactionalDb,
  caseId: string,
  rows: readonly ActualRowInput[],
  who: string,
  when: Date,
): Promise<ActualsPostResult> {
  const at = when.toISOString();
  return db.transaction(async (tx) => {
    const existing = new Map((await listActualValues(tx, caseId)).map((r) => [`${r.month}\u0000${r.series}`, r]));
    const result = { accepted: rows.length, created: 0, updated: 0, unchanged: 0 };
    for (const row of rows) {
      const before = existing.get(`${row.month}\u0000${row.series}`);
      const note = row.note ?? null;
      if (before && before.value === row.value && (note === null || note === before.note)) {
        result.unchanged++;
        continue;
      }
      if (before) {
        await tx.query('UPDATE actual_values SET value = $4, note = $5, recorded_by = $6, recorded_at = $7 WHERE case_id = $1 AND month = $2 AND series = $3', [
          caseId,
          row.month,
          row.series,
          row.value,
          note ?? before.note,
          who,
          at,
        ]);
        result.updated++;
      } else {
        await tx.query('INSERT INTO actual_values (case_id, month, series, value, note, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          caseId,
          row.month,
          row.series,
          row.value,
          note,
          who,
          at,
        ]);
        result.created++;
      }
      await tx.query(
        'INSERT INTO actual_changes (case_id, month, series, value, previous_value, note, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [caseId, row.month, row.series, row.value, before ? before.value : null, note, who, at],
      );
      existing.set(`${row.month}\u0000${row.series}`, { month: row.month, series: row.series, value: row.value, note, recordedBy: who, recordedAt: at });
    }
    return result;
  });
}

/**
 * A case's current actuals, by month then series.
 *
 * @example
 * const rows = await listActualValues(db, caseId);
 */
export async function listActualValues(db: Queryable, caseId: string): Promise<ActualValueRecord[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    'SELECT month, series, value, note, recorded_by, recorded_at FROM actual_values WHERE case_id = $1 ORDER BY month, series',
    [caseId],
  );
  return rows.map((row) => ({
    month: String(row.month),
    series: String(row.series),
    value: Number(row.value),
    note: (row.note as string | null) ?? null,
    recordedBy: String(row.recorded_by),
    recordedAt: iso(row.recorded_at),
  }));
}

/**
 * Every change of a case's actuals, oldest first.
 *
 * @example
 * const { length } = await listActualChanges(db, caseId);
 */
export async function listActualChanges(db: Queryable, caseId: string): Promise<ActualChange[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    'SELECT month, series, value, previous_value, note, changed_by, changed_at FROM actual_changes WHERE case_id = $1 ORDER BY seq',
    [caseId],
  );
  return rows.map((row) => ({
    month: String(row.month),
    series: String(row.series),
    value: Number(row.value),
    previousValue: numberOrNull(row.previous_value),
    note: (row.note as string | null) ?? null,
    changedBy: String(row.changed_by),
    changedAt: iso(row.changed_at),
  }));
}
