import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../api/storage/migrate.ts';
import { openPglite } from '../../api/storage/pglite-database.ts';
import { blankPgliteImage } from '../helpers/pglite-image.ts';

describe('migration 002 on a store with repeated token names', () => {
  it('keeps the oldest name, renames later duplicates, names every token its person, and then refuses repeats', async () => {
    const db = await openPglite(undefined, await blankPgliteImage());
    try {
      // The store as version 001 left it, with two tokens sharing a name (allowed then).
      await db.exec(readFileSync(new URL('../../api/storage/migrations/001-initial.sql', import.meta.url), 'utf8'));
      await db.exec(`CREATE TABLE schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
        INSERT INTO schema_migrations (id) VALUES ('001-initial');
        INSERT INTO api_tokens (id, name, role, token_hash, created_at) VALUES
          ('00000000-0000-4000-8000-000000000001', 'Board', 'viewer', 'h1', '2026-01-01'),
          ('00000000-0000-4000-8000-000000000002', 'board', 'approver', 'h2', '2026-02-01');`);
      expect(await migrate(db)).toContain('002-token-people');
      const { rows } = await db.query<{ id: string; name: string; person: string }>('SELECT id, name, person FROM api_tokens ORDER BY created_at');
      expect(rows).toEqual([
        { id: '00000000-0000-4000-8000-000000000001', name: 'Board', person: 'Board' },
        { id: '00000000-0000-4000-8000-000000000002', name: 'board (00000000-0000-4000-8000-000000000002)', person: 'board' },
      ]);
      await expect(
        db.query(`INSERT INTO api_tokens (id, name, role, token_hash, person) VALUES ('00000000-0000-4000-8000-000000000003', 'BOARD', 'viewer', 'h3', 'x')`),
      ).rejects.toThrow(/api_tokens_name_unique/);
    } finally {
      await db.close();
    }
  });
});
