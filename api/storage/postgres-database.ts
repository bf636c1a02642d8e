import pg from 'pg';
import type { Database } from './database.ts';

/**
 * A real PostgreSQL through a `pg` connection pool (when DATABASE_URL is set).
 *
 * @example
 * const db = await openPostgres('postgres://postgres@127.0.0.1:5432/test');
 */
export async function openPostgres(connectionString: string, options: { schema?: string } = {}): Promise<Database> {
  const schema = options.schema?.replace(/[^A-Za-z0-9_]/g, '');
  // Tests isolate themselves in their own schema on a shared server: set at connection start-up.
  const pool = new pg.Pool({ connectionString, max: 10, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  const probe = await pool.connect();
  if (schema) await probe.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  probe.release();
  return {
    kind: 'postgres',
    async query(sql, params) {
      const result = await pool.query(sql, params as unknown[]);
      return { rows: result.rows };
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await work({
          async query(sql, params) {
            const result = await client.query(sql, params as unknown[]);
            return { rows: result.rows };
          },
        });
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async close() {
      await pool.end();
    },
  };
}
