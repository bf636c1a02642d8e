import { readdirSync, readFileSync } from 'node:fs';
import { validateCase } from '../../models/compile/validate-case.ts';
import { createCase } from '../services/case-store.ts';
import type { Database } from '../storage/database.ts';

/**
 * Loads every fixture case into an empty database, so a new user sees a portfolio.
 * Returns how many were loaded (0 when cases already exist).
 *
 * @example
 * await seedFixtures(db, new URL('../../fixtures/', import.meta.url));
 */
export async function seedFixtures(db: Database, directory: URL): Promise<number> {
  const { rows } = await db.query<{ count: string }>('SELECT count(*)::text AS count FROM cases');
  if (Number(rows[0].count) > 0) return 0;
  let loaded = 0;
  for (const file of readdirSync(directory)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
    .sort()) {
    const document = JSON.parse(readFileSync(new URL(file, directory), 'utf8'));
    const result = validateCase(document);
    if (!result.ok) throw new Error(`fixture ${file} is invalid: ${result.issues[0].path} ${result.issues[0].message}`);
    await createCase(db, document, result.case, 'fixtures', `loaded from fixtures/${file}`);
    loaded++;
  }
  return loaded;
}
