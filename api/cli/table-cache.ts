import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTableStore, type TableStore } from '../../models/distributions/table-store.ts';

/*
 * Why: a CLI process starts cold, and about half of a 10,000-trial simulate went into
 * building the Beta and per-stratum quantile tables of the case's inputs, the same tables
 * every time for an unchanged input. The bin keeps them in a cache folder between calls.
 * The folder is named after a hash of the running bundle, so another build (another
 * engine) never reads them; the engine checks each copy's checksum and rebuilds on any
 * doubt, so a damaged file costs time, never a number.
 */

/** Past this many files, the older half of the folder is removed before writing more. */
const MAX_FILES = 2000;
/** VALUEGATE_CACHE_DIR=off turns the cache off. */
const OFF = 'off';

/**
 * A table store in `folder`: one file per key, written whole (a temporary file renamed
 * into place), so a reader sees either the old file, the new one or none.
 *
 * @example
 * setTableStore(diskTableStore('/tmp/valuegate-tables'));
 */
export function diskTableStore(folder: string): TableStore {
  let checkedSize = false;
  const fileOf = (key: string): string => join(folder, `${createHash('sha1').update(key).digest('hex')}.bin`);
  return {
    read(key) {
      try {
        return readFileSync(fileOf(key));
      } catch {
        return undefined;
      }
    },
    write(key, bytes) {
      mkdirSync(folder, { recursive: true });
      if (!checkedSize) {
        checkedSize = true;
        pruneOldest(folder);
      }
      const file = fileOf(key);
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, file);
    },
  };
}

/**
 * Lends the engine a disk table store for this process: VALUEGATE_CACHE_DIR, else
 * node_modules/.cache/valuegate beside the bundle; one subfolder per bundle build, and the
 * subfolders of other builds removed. Returns the folder used, or null when turned off.
 *
 * @example
 * useTableCache(fileURLToPath(import.meta.url)); // in the bundled CLI
 */
export function useTableCache(bundlePath: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.VALUEGATE_CACHE_DIR === OFF) return null;
  const root = env.VALUEGATE_CACHE_DIR || join(dirname(bundlePath), '..', '..', 'node_modules', '.cache', 'valuegate');
  let build: string;
  try {
    build = createHash('sha1').update(readFileSync(bundlePath)).digest('hex').slice(0, 16);
  } catch {
    return null;
  }
  const folder = join(root, `tables-${build}`);
  removeOtherBuilds(root, `tables-${build}`);
  setTableStore(diskTableStore(folder));
  return folder;
}

function removeOtherBuilds(root: string, keep: string): void {
  try {
    for (const name of readdirSync(root)) {
      if (name.startsWith('tables-') && name !== keep) rmSync(join(root, name), { recursive: true, force: true });
    }
  } catch {
    // No cache folder yet.
  }
}

function pruneOldest(folder: string): void {
  const files = readdirSync(folder).filter((name) => name.endsWith('.bin'));
  if (files.length < MAX_FILES) return;
  const byAge = files.map((name) => ({ name, time: statSync(join(folder, name)).mtimeMs })).sort((a, b) => a.time - b.time);
  for (const { name } of byAge.slice(0, byAge.length / 2)) rmSync(join(folder, name), { force: true });
}
