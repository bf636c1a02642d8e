import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrate } from '../../api/storage/migrate.ts';
import { openPglite } from '../../api/storage/pglite-database.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pgliteVersion = (JSON.parse(readFileSync(`${root}node_modules/@electric-sql/pglite/package.json`, 'utf8')) as { version: string }).version;

/**
 * A new, empty PGlite cluster (initdb's output, no migration), kept in an ignored folder and named by the
 * PGlite version that made it: initdb costs 1.5–3 s of CPU on a 2-core machine, loading the image about 0.5 s.
 */
export const BLANK_IMAGE_FILE = `${root}test-artifacts/pglite/blank-${pgliteVersion}.tar`;

async function makeBlankImage(): Promise<Blob> {
  const db = await openPglite();
  const image = await db.image();
  await db.close();
  return image;
}

/**
 * Global setup of every test project: runs initdb once and keeps the cluster's image in
 * BLANK_IMAGE_FILE (when it is not there yet), so no test process runs initdb for an in-memory database.
 *
 * @example
 * // vitest.config.ts
 * test: { globalSetup: ['test/helpers/pglite-image.ts'] }
 */
export default async function writeBlankImage(): Promise<void> {
  if (existsSync(BLANK_IMAGE_FILE)) return;
  const image = Buffer.from(await (await makeBlankImage()).arrayBuffer());
  mkdirSync(`${root}test-artifacts/pglite`, { recursive: true });
  // Written aside and renamed, so a concurrent run never reads half a file.
  const partial = `${BLANK_IMAGE_FILE}.${process.pid}`;
  writeFileSync(partial, image);
  renameSync(partial, BLANK_IMAGE_FILE);
}

let blankImage: Promise<Blob> | undefined;
let migratedImage: Promise<Blob> | undefined;

/**
 * The image of a new, empty PGlite cluster (no migration applied): the global setup's file, or
 * made once in this process when it is missing (a test file run without the global setup).
 *
 * @example
 * const db = await openPglite(undefined, await blankPgliteImage()); // for a migration test
 */
export function blankPgliteImage(): Promise<Blob> {
  blankImage ??= existsSync(BLANK_IMAGE_FILE) ? Promise.resolve(new Blob([readFileSync(BLANK_IMAGE_FILE)])) : makeBlankImage();
  return blankImage;
}

/**
 * The image of an in-memory PGlite with every migration applied, made once per test process from the
 * blank image: what test apps and in-memory test servers start from.
 *
 * @example
 * const server = await startServer(config, { log, inMemory: true, image: await migratedPgliteImage() });
 */
export function migratedPgliteImage(): Promise<Blob> {
  migratedImage ??= (async () => {
    const first = await openPglite(undefined, await blankPgliteImage());
    await migrate(first);
    const image = await first.image();
    await first.close();
    return image;
  })();
  return migratedImage;
}
