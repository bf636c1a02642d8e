import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** The same cluster with every migration applied, named by the PGlite version and the migrations' contents. */
export const MIGRATED_IMAGE_FILE = (() => {
  const hash = createHash('sha256').update(pgliteVersion);
  const dir = `${root}api/storage/migrations/`;
  for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(`${dir}${name}`));
  return `${root}test-artifacts/pglite/migrated-${hash.digest('hex').slice(0, 16)}.tar`;
})();

async function makeBlankImage(): Promise<Blob> {
  const db = await openPglite();
  const image = await db.image();
  await db.close();
  return image;
}

async function makeMigratedImage(): Promise<Blob> {
  const db = await openPglite(undefined, await blankPgliteImage());
  await migrate(db);
  const image = await db.image();
  await db.close();
  return image;
}

/** Writes aside and renames, so a concurrent run never reads half a file. */
async function keep(file: string, image: Blob): Promise<void> {
  mkdirSync(`${root}test-artifacts/pglite`, { recursive: true });
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await image.arrayBuffer()));
  renameSync(partial, file);
}

/**
 * Global setup of every test project: runs initdb and the migrations once and keeps both images
 * (when they are not there yet; older ones are removed), so no test process runs initdb or the migrations for an in-memory database.
 *
 * @example
 * // vitest.config.ts
 * test: { globalSetup: ['test/helpers/pglite-image.ts'] }
 */
export default async function writeImages(): Promise<void> {
  if (!existsSync(BLANK_IMAGE_FILE)) await keep(BLANK_IMAGE_FILE, await blankPgliteImage());
  if (!existsSync(MIGRATED_IMAGE_FILE)) await keep(MIGRATED_IMAGE_FILE, await migratedPgliteImage());
  // Images of older migrations or PGlite versions are 40 MB each and never read again.
  const kept = new Set([BLANK_IMAGE_FILE, MIGRATED_IMAGE_FILE]);
  for (const name of readdirSync(`${root}test-artifacts/pglite`)) {
    const file = `${root}test-artifacts/pglite/${name}`;
    if (name.endsWith('.tar') && !kept.has(file)) rmSync(file, { force: true });
  }
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
 * The image of an in-memory PGlite with every migration applied: the global setup's file, or made once
 * in this process from the blank image: what test apps and in-memory test servers start from.
 *
 * @example
 * const server = await startServer(config, { log, inMemory: true, image: await migratedPgliteImage() });
 */
export function migratedPgliteImage(): Promise<Blob> {
  migratedImage ??= existsSync(MIGRATED_IMAGE_FILE) ? Promise.resolve(new Blob([readFileSync(MIGRATED_IMAGE_FILE)])) : makeMigratedImage();
  return migratedImage;
}
