import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Database } from '../../api/storage/database.ts';
import { migrate } from '../../api/storage/migrate.ts';
import { openPglite } from '../../api/storage/pglite-database.ts';
import { openPostgres } from '../../api/storage/postgres-database.ts';
import { blankPgliteImage } from '../helpers/pglite-image.ts';
import { describeEachStorage, type StorageKind } from '../helpers/test-app.ts';

const sql = (file: string) => readFileSync(new URL(`../../api/storage/migrations/${file}.sql`, import.meta.url), 'utf8');
const CASE = '00000000-0000-4000-8000-0000000000c1';
const RUN = '00000000-0000-4000-8000-0000000000a1';
const BEFORE = ['001-initial', '002-token-people', '003-named-versions', '004-actuals-series'];

async function open(storage: StorageKind): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (storage === 'pglite') {
    const db = await openPglite(undefined, await blankPgliteImage());
    return { db, drop: () => db.close() };
  }
  const schema = `mig5_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const db = await openPostgres(process.env.TEST_DATABASE_URL!, { schema });
  return {
    db,
    drop: async () => {
      await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
    },
  };
}

describeEachStorage('migration 005 (decision reasons) on %s', (storage) => {
  it('keeps earlier decisions (no reason category) and accepts only the five categories', async () => {
    const { db, drop } = await open(storage);
    try {
      for (const file of BEFORE) await db.exec(sql(file));
      await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
        INSERT INTO schema_migrations (id) VALUES ${BEFORE.map((id) => `('${id}')`).join(', ')};
        INSERT INTO cases (id, name, sponsor, currency, current_version, current_hash, created_by) VALUES ('${CASE}', 'Copilot', 'Sam', 'EUR', 1, 'h1', 'ada');
        INSERT INTO case_versions (case_id, version, document, hash, created_by) VALUES ('${CASE}', 1, '{}', 'h1', 'ada');
        INSERT INTO runs (id, case_id, case_version, case_hash, status, trials, seed, sampling, engine_version, created_by)
          VALUES ('${RUN}', '${CASE}', 1, 'h1', 'succeeded', 500, 1, 'mc', 'x', 'ada');
        INSERT INTO decisions (id, case_id, case_version, case_hash, run_id, decision, rationale, taken_by)
          VALUES ('00000000-0000-4000-8000-0000000000d1', '${CASE}', 1, 'h1', '${RUN}', 'stop', 'too costly', 'Bo');`);
      expect((await migrate(db))[0]).toBe('005-decision-reasons');
      expect((await db.query('SELECT decision, reason_category FROM decisions')).rows).toEqual([{ decision: 'stop', reason_category: null }]);
      const insert = (category: string) =>
        db.query(
          `INSERT INTO decisions (id, case_id, case_version, case_hash, run_id, decision, rationale, taken_by, reason_category)
           VALUES (gen_random_uuid(), '${CASE}', 1, 'h1', '${RUN}', 'stop', 'why', 'Bo', $1)`,
          [category],
        );
      await insert('economics');
      await expect(insert('luck')).rejects.toThrow(/reason_category|check/i);
      // Still append-only: the trigger refuses an update.
      await expect(db.query(`UPDATE decisions SET reason_category = 'risk'`)).rejects.toThrow(/append-only/);
    } finally {
      await drop();
    }
  });
});
