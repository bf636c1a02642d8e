// Plain JavaScript (no TypeScript loader): shared by the `valuegate` bin and `npm start`.
// Returns the path of a bundle in api/dist, rebuilding every bundle first when it is missing
// or older than the sources it is built from (api/ and models/), so nothing runs stale code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Newest modification time under a folder, skipping build output and dependencies.
 * @param {string} directory
 * @returns {number}
 */
export function newestModification(directory) {
  let time = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(directory, entry.name);
    time = Math.max(time, entry.isDirectory() ? newestModification(path) : statSync(path).mtimeMs);
  }
  return time;
}

/**
 * @param {string} name bundle name, e.g. 'valuegate' or 'server'
 * @returns {string} absolute path of api/dist/<name>.mjs, fresh
 * @example
 * await import(pathToFileURL(freshBundle('server')).href);
 */
export function freshBundle(name) {
  const bundled = join(root, 'api', 'dist', `${name}.mjs`);
  const sources = ['api', 'models'].map((folder) => join(root, folder)).filter((path) => existsSync(path));
  if (existsSync(bundled) && statSync(bundled).mtimeMs >= Math.max(...sources.map(newestModification))) return bundled;
  process.stderr.write('valuegate: bundling api/dist (the sources changed since the last build)…\n');
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const built = spawnSync(process.execPath, [tsx, join(root, 'api', 'build', 'bundle.ts')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) {
    process.stderr.write('valuegate: the bundle could not be built; run `npm run build` to see why\n');
    process.exit(2);
  }
  return bundled;
}
