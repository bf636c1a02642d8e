import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { DURABLE_START_PARAMS, forwardFsync, openPglite, type NodeFsModule } from '../../api/storage/pglite-database.ts';

class FakeErrno extends Error {
  constructor(readonly errno: number) {
    super(`errno ${errno}`);
  }
}

function fakeModule(realPath: (node: unknown) => string): NodeFsModule {
  return { NODEFS: { stream_ops: {}, realPath }, FS: { ErrnoError: FakeErrno } };
}

describe('forwardFsync (PGlite NODEFS has no fsync of its own)', () => {
  it('flushes the host descriptor of a file, and opens a directory to flush it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'valuegate-fsync-'));
    const synced: number[] = [];
    const module = fakeModule(() => dir);
    forwardFsync(module, (fd) => synced.push(fd));
    expect(module.NODEFS.stream_ops.fsync!({ nfd: 42, node: {} })).toBe(0);
    expect(synced).toEqual([42]);
    expect(module.NODEFS.stream_ops.fsync!({ node: {} })).toBe(0);
    expect(synced).toHaveLength(2);
    expect(synced[1]).not.toBe(42);
    rmSync(dir, { recursive: true, force: true });
  });

  it('turns a failed flush into EIO (29) for PostgreSQL instead of reporting success', () => {
    const module = fakeModule(() => '/nonexistent');
    forwardFsync(module, () => {
      throw new Error('EIO: i/o error');
    });
    expect(() => module.NODEFS.stream_ops.fsync!({ nfd: 3, node: {} })).toThrow(FakeErrno);
    try {
      module.NODEFS.stream_ops.fsync!({ nfd: 3, node: {} });
    } catch (error) {
      expect((error as FakeErrno).errno).toBe(29);
    }
  });
});

describe('openPglite on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'valuegate-durable-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts PostgreSQL with fsync on (PGlite defaults to -F, off) and the WAL flushed with fsync()', async () => {
    expect(PGlite.defaultStartParams).toContain('-F');
    expect(DURABLE_START_PARAMS).not.toContain('-F');
    const db = await openPglite(dir);
    const { rows } = await db.query<{ fsync: string; method: string; commit: string }>(
      "select current_setting('fsync') as fsync, current_setting('wal_sync_method') as method, current_setting('synchronous_commit') as commit",
    );
    expect(rows[0]).toEqual({ fsync: 'on', method: 'fsync', commit: 'on' });
    await db.exec('create table kept (n int)');
    await db.transaction(async (tx) => {
      await tx.query('insert into kept values ($1)', [7]);
    });
    await db.close();
    const again = await openPglite(dir);
    expect((await again.query<{ n: number }>('select n from kept')).rows).toEqual([{ n: 7 }]);
    await again.close();
  });
});
