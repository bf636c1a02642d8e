/*
 * Why: the Beta and per-stratum quantile tables cost most of a small run's time (about
 * half of a 10,000-trial CLI simulate), and depend only on a distribution's shape. A
 * host with storage (the CLI, with a cache folder) may lend the engine a store to keep
 * them between processes. models/ does no I/O itself: without a store, tables are built
 * as before. A stored table is used only if it decodes whole (see table-bytes.ts).
 */
import { decodeTableParts, encodeTableParts, type TableParts } from './table-bytes.ts';

/** Somewhere outside this thread to keep table bytes by key; either call may do nothing. */
export interface TableStore {
  read(key: string): Uint8Array | undefined;
  write(key: string, bytes: Uint8Array): void;
}

let current: TableStore | null = null;

/**
 * Lends the engine a store for built quantile tables (null takes it back). The caller
 * keys the store by engine build: a store must never serve tables of another build.
 *
 * @example
 * setTableStore({ read: (key) => files.get(key), write: (key, bytes) => files.set(key, bytes) });
 */
export function setTableStore(store: TableStore | null): void {
  current = store;
}

/**
 * Whether a host lent a store (a table kept for it may be worth building further first).
 *
 * @example
 * if (hasTableStore()) table.buildOut(20);
 */
export function hasTableStore(): boolean {
  return current !== null;
}

/**
 * The table stored under `key` if there is a store and it holds a whole copy, else the
 * one `build` makes (then offered to the store). `build` returning null (no table for
 * this shape) is stored too, as zero parts.
 *
 * @example
 * const parts = storedTable('beta-central/2/5', () => [buildCentral(2, 5)]);
 */
export function storedTable(key: string, build: () => TableParts | null): TableParts | null {
  if (current === null) return build();
  const bytes = safely(() => current!.read(key));
  const stored = bytes === undefined ? null : decodeTableParts(bytes);
  if (stored !== null) return stored.length === 0 ? null : stored;
  const built = build();
  safely(() => current!.write(key, encodeTableParts(built ?? [])));
  return built;
}

/** A store that fails (a full disk, a read-only folder) costs a rebuild, never a run. */
function safely<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}
