import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { diskTableStore, useTableCache } from '../../api/cli/table-cache.ts';
import { setTableStore } from '../../models/distributions/table-store.ts';

const root = join('test-artifacts', `table-cache-${process.pid}`);
mkdirSync(root, { recursive: true });

afterEach(() => setTableStore(null));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The published bin as users call it, with its cache in `cacheDir`; the JSON report without its timing. */
async function simulateJson(cacheDir: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['api/cli/valuegate.js', 'simulate', 'fixtures/document-processing.json', '--trials', '9000', '--seed', '3', '--json'],
    { encoding: 'utf8', timeout: 120_000, env: { ...process.env, VALUEGATE_CACHE_DIR: cacheDir } },
  );
  // Every number in its exact shortest form; only the wall time differs between calls.
  return JSON.stringify(JSON.parse(stdout), (key, value) => (key === 'elapsedMs' ? undefined : value));
}

describe('the CLI table cache', () => {
  it('writes whole files and reads them back; a missing key is undefined', () => {
    const store = diskTableStore(join(root, 'store'));
    expect(store.read('nothing')).toBeUndefined();
    store.write('beta-central/2/5', Uint8Array.of(1, 2, 3));
    expect(Array.from(store.read('beta-central/2/5')!)).toEqual([1, 2, 3]);
    expect(readdirSync(join(root, 'store')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('is off with VALUEGATE_CACHE_DIR=off, and keeps one folder per bundle build', () => {
    const bundle = join(root, 'bundle.mjs');
    writeFileSync(bundle, 'export {} // build A');
    expect(useTableCache(bundle, { VALUEGATE_CACHE_DIR: 'off' })).toBeNull();
    const cacheRoot = join(root, 'cache');
    const first = useTableCache(bundle, { VALUEGATE_CACHE_DIR: cacheRoot })!;
    mkdirSync(first, { recursive: true });
    writeFileSync(bundle, 'export {} // build B');
    const second = useTableCache(bundle, { VALUEGATE_CACHE_DIR: cacheRoot })!;
    expect(second).not.toBe(first);
    expect(existsSync(first)).toBe(false);
    expect(useTableCache(join(root, 'no-such-bundle.mjs'), { VALUEGATE_CACHE_DIR: cacheRoot })).toBeNull();
  });

  it('gives the bin the same report, bit for bit, cold, warm and off', async () => {
    const cacheDir = join(root, 'bin');
    const cold = await simulateJson(cacheDir);
    const files = readdirSync(cacheDir).flatMap((folder) => readdirSync(join(cacheDir, folder)));
    expect(files.length).toBeGreaterThan(5);
    const warm = await simulateJson(cacheDir);
    const off = await simulateJson('off');
    expect(JSON.parse(cold).summary.trials).toBe(9000);
    expect(warm).toBe(cold);
    expect(off).toBe(cold);
  });
});
