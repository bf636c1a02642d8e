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

async function open(storage: StorageKind): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (storage === 'pglite') {
    const db = await openPglite(undefined, await blankPgliteImage());
    return { db, drop: () => db.close() };
  }
  const schema = `mig_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const db = await openPostgres(process.env.TEST_DATABASE_URL!, { schema });
  return {
    db,
    drop: async () => {
      await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
    },
  };
}

describeEachStorage('migration 003 (named versions) on %s', (storage) => {
  it('upgrades a store as 002 left it: decided versions are named, the rest stay working versions', async () => {
    const { db, drop } = await open(storage);
    try {
      await db.exec(sql('001-initial'));
      await db.exec(sql('002-token-people'));
      await db.exec(`CREATE TABLE schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
        INSERT INTO schema_migrations (id) VALUES ('001-initial'), ('002-token-people');
        INSERT INTO cases (id, name, sponsor, currency, current_version, current_hash, created_by)
          VALUES ('${CASE}', 'Invoice-matching copilot', 'Sam', 'EUR', 3, 'h3', 'ada');
        INSERT INTO case_versions (case_id, version, document, hash, message, created_by) VALUES
          ('${CASE}', 1, '{}', 'h1', 'created', 'ada'),
          ('${CASE}', 2, '{}', 'h2', NULL, 'ada'),
          ('${CASE}', 3, '{}', 'h3', 'kept my edits', 'ada');
        INSERT INTO runs (id, case_id, case_version, case_hash, status, trials, seed, sampling, engine_version, created_by)
          VALUES ('${RUN}', '${CASE}', 1, 'h1', 'succeeded', 500, 1, 'mc', 'x', 'ada');
        INSERT INTO decisions (id, case_id, case_version, case_hash, run_id, decision, rationale, taken_by, taken_at) VALUES
          ('00000000-0000-4000-8000-0000000000d2', '${CASE}', 1, 'h1', '${RUN}', 'scale', 'later', 'Bo', '2026-03-01'),
          ('00000000-0000-4000-8000-0000000000d1', '${CASE}', 1, 'h1', '${RUN}', 'keepAsResearch', 'first', 'Cy', '2026-02-01');`);
      // 003 first, then any later migrations.
      expect((await migrate(db))[0]).toBe('003-named-versions');
      const { rows } = await db.query<{ version: number; message: string | null; named: boolean; named_by: string | null; working_since: Date | null }>(
        'SELECT version, message, named, named_by, working_since FROM case_versions ORDER BY version',
      );
      expect(rows.map((row) => [Number(row.version), row.message, row.named, row.named_by, row.working_since])).toEqual([
        [1, 'decided: keep as research', true, 'Cy', null],
        [2, null, false, null, null],
        [3, 'kept my edits', false, null, null],
      ]);
      // Decisions stay untouched (append-only), and a second migrate has nothing to do.
      expect((await db.query('SELECT id FROM decisions')).rows).toHaveLength(2);
      expect(await migrate(db)).toEqual([]);
    } finally {
      await drop();
    }
  });
});
