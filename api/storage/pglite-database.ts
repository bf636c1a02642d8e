import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.ts';

/**
 * Embedded PostgreSQL (PGlite, WebAssembly): nothing to install. `dataDir` keeps
 * the data on disk; omit it for an in-memory database (tests).
 *
 * @example
 * const db = await openPglite('./data');
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  const pg = dataDir ? new PGlite(dataDir) : new PGlite();
  await pg.waitReady;
  const wrap = (target: { query: PGlite['query'] }): Queryable => ({
    async query(sql, params) {
      const result = await target.query(sql, params as unknown[]);
      return { rows: result.rows as never[] };
    },
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    async transaction(work) {
      return pg.transaction(async (tx) => work(wrap(tx)));
    },
    async exec(sql) {
      await pg.exec(sql);
    },
    async close() {
      await pg.close();
    },
  };
}
