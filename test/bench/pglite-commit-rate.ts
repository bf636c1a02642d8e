/**
 * Commits per second of PGlite on disk, one single-row transaction at a time, with the
 * store as shipped (`durable`: openPglite, fsync on and forwarded to the host) or as
 * PGlite starts by default (`default`: fsync off) or with only the WAL opened O_SYNC
 * (`openDatasync`). docs/durability.md reports the figures.
 *
 * @example
 * npx tsx test/bench/pglite-commit-rate.ts durable 1000 ./scratch
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DURABLE_START_PARAMS, openPglite } from '../../api/storage/pglite-database.ts';
import type { Database } from '../../api/storage/database.ts';

const [variant = 'durable', count = '1000', base = 'scratch'] = process.argv.slice(2);
const commits = Number(count);
mkdirSync(base, { recursive: true });
const dir = mkdtempSync(join(base, 'pglite-commits-'));

async function open(): Promise<{ query: Database['query']; transaction: Database['transaction']; exec: Database['exec']; close(): Promise<void> }> {
  if (variant === 'durable') return openPglite(dir);
  const walOnly = [...DURABLE_START_PARAMS.slice(0, -2), '-c', 'wal_sync_method=open_datasync'];
  const pg = new PGlite(dir, { startParams: variant === 'openDatasync' ? walOnly : undefined });
  await pg.waitReady;
  return {
    query: async (sql, params) => ({ rows: (await pg.query(sql, params as unknown[])).rows as never[] }),
    transaction: (work) =>
      pg.transaction((tx) => work({ query: async (sql, params) => ({ rows: (await tx.query(sql, params as unknown[])).rows as never[] }) })),
    exec: async (sql) => void (await pg.exec(sql)),
    close: () => pg.close(),
  };
}

const db = await open();
const settings = (await db.query<{ fsync: string; method: string }>("select current_setting('fsync') as fsync, current_setting('wal_sync_method') as method"))
  .rows[0];
await db.exec('create table t (id serial primary key, body text)');
const started = performance.now();
for (let i = 0; i < commits; i++) {
  await db.transaction(async (tx) => {
    await tx.query('insert into t (body) values ($1)', ['x'.repeat(200)]);
  });
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ variant, ...settings, commits, seconds: Number(seconds.toFixed(3)), commitsPerSecond: Math.round(commits / seconds) }));
await db.close();
rmSync(dir, { recursive: true, force: true });
