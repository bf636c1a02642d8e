import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from './database.ts';

// Relative to api/ either way: this file is api/storage/migrate.ts, or bundled into api/dist/server.mjs.
const MIGRATIONS_DIR = new URL('../storage/migrations/', import.meta.url);

/**
 * Applies the versioned SQL migrations (migrations/NNN-name.sql) not yet applied,
 * in order, each in its own transaction. The same files serve PGlite and PostgreSQL.
 *
 * @example
 * const applied = await migrate(db); // ['001-initial']
 */
export async function migrate(db: Database): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const done = new Set((await db.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((row) => row.id));
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d{3}-.+\.sql$/.test(file))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    const id = file.replace(/\.sql$/, '');
    if (done.has(id)) continue;
    const sql = readFileSync(new URL(file, MIGRATIONS_DIR), 'utf8');
    await db.transaction(async (tx) => {
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [id]);
    });
    applied.push(id);
  }
  return applied;
}

/** Splits a migration into statements, keeping $$-quoted function bodies whole. */
function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollarQuote = false;
  for (const line of sql.split('\n')) {
    if (line.trim().startsWith('--') && !inDollarQuote) continue;
    current += line + '\n';
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) inDollarQuote = !inDollarQuote;
    if (!inDollarQuote && line.trim().endsWith(';')) {
      statements.push(current.trim().replace(/;$/, ''));
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
