import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite-database.ts';
import { openPostgres } from './postgres-database.ts';

/** Where the data lives. */
export interface StorageOptions {
  /** PostgreSQL connection string; when absent, embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` or undefined with `inMemory` for tests. */
  dataDir?: string;
  inMemory?: boolean;
  /** With `inMemory`: an earlier PGlite database's image() to start from instead of a new cluster (tests: no initdb). */
  image?: Blob;
  /** PostgreSQL schema to use (tests isolate themselves this way). */
  schema?: string;
}

/**
 * Opens the configured database and applies pending migrations.
 *
 * @example
 * const db = await openDatabase({ dataDir: './data' });
 */
export async function openDatabase(options: StorageOptions): Promise<Database> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, { schema: options.schema })
    : await openPglite(options.inMemory ? undefined : options.dataDir, options.inMemory ? options.image : undefined);
  await migrate(db);
  return db;
}
