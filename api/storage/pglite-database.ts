import { closeSync, existsSync, fsyncSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import type { Database, Queryable } from './database.ts';

/**
 * PostgreSQL's own flush-on-commit, which PGlite turns off: its default start
 * parameters carry `-F` (fsync = off). The WAL is flushed with fsync() rather than the
 * default fdatasync(), because PGlite's WebAssembly runtime answers fdatasync with
 * success without calling the host, while fsync reaches the stream's `fsync` hook
 * (see `forwardFsync`). docs/durability.md has the measurements.
 */
export const DURABLE_START_PARAMS: readonly string[] = [...PGlite.defaultStartParams.filter((param) => param !== '-F'), '-c', 'wal_sync_method=fsync'];

/** The parts of PGlite's Emscripten module that `forwardFsync` uses. */
export interface NodeFsModule {
  NODEFS: { stream_ops: { fsync?: (stream: NodeFsStream) => number }; realPath(node: unknown): string };
  FS: { ErrnoError: new (errno: number) => Error };
}

/** An open file or directory of Emscripten's NODEFS: `nfd` is the host descriptor (regular files only). */
export interface NodeFsStream {
  nfd?: number;
  node: unknown;
}

/** Emscripten's (WASI) errno for EIO. */
const EIO = 29;

/**
 * Makes fsync() inside PGlite reach the disk. Emscripten's NODEFS writes through to the
 * host files but has no `fsync` stream operation, so PostgreSQL's fsync calls (WAL at
 * commit, data files and pg_control at checkpoints, directories after renames) succeed
 * without doing anything. This adds one: fsync of the host descriptor, or of the
 * directory for streams without one. A failure becomes EIO, and PostgreSQL stops on it.
 *
 * @example
 * forwardFsync(module); // in a preRun hook, before PostgreSQL starts
 */
export function forwardFsync(module: NodeFsModule, sync: (fd: number) => void = fsyncSync): void {
  module.NODEFS.stream_ops.fsync = (stream) => {
    try {
      if (stream.nfd !== undefined) sync(stream.nfd);
      else syncPath(module.NODEFS.realPath(stream.node), sync);
      return 0;
    } catch {
      throw new module.FS.ErrnoError(EIO);
    }
  };
}

function syncPath(path: string, sync: (fd: number) => void): void {
  const fd = openSync(path, 'r');
  try {
    sync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Every file and directory under `root`, then `root` itself, flushed once. */
function syncTree(root: string): void {
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) syncTree(path);
    else if (entry.isFile()) syncPath(path, fsyncSync);
  }
  syncPath(root, fsyncSync);
}

/** NodeFS whose fsync reaches the disk from the first statement on (recovery included). */
class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, options: Parameters<NodeFS['init']>[1]): ReturnType<NodeFS['init']> {
    const { emscriptenOpts } = await super.init(pg, options);
    const preRun = [...(emscriptenOpts.preRun ?? []), (module: unknown) => forwardFsync(module as NodeFsModule)];
    return { emscriptenOpts: { ...emscriptenOpts, preRun } };
  }
}

/** PGlite, plus an image of its whole cluster that an in-memory database can start from. */
export interface PgliteDatabase extends Database {
  image(): Promise<Blob>;
}

/**
 * Embedded PostgreSQL (PGlite, WebAssembly): nothing to install. `dataDir` keeps
 * the data on disk, with every commit flushed to it before it is acknowledged (fsync on,
 * forwarded to the host: docs/durability.md); omit it for an in-memory database (tests),
 * which starts from `image` (an earlier database's image()) when given, skipping initdb.
 *
 * @example
 * const db = await openPglite('./data');
 */
export async function openPglite(dataDir?: string, image?: Blob): Promise<PgliteDatabase> {
  // initdb's files are copied in by PGlite, not by PostgreSQL, so nothing flushes them: do it once.
  const created = dataDir !== undefined && !existsSync(join(dataDir, 'PG_VERSION'));
  const pg = dataDir ? new PGlite({ fs: new DurableNodeFS(dataDir), startParams: [...DURABLE_START_PARAMS] }) : new PGlite(image ? { loadDataDir: image } : {});
  await pg.waitReady;
  if (created) syncTree(dataDir);
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
    async image() {
      return pg.dumpDataDir('none');
    },
  };
}
