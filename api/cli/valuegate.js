#!/usr/bin/env node
// The published bin runs the bundled CLI (api/dist/valuegate.mjs), plain JavaScript built by
// `npm install` (the prepare script), so a call costs a Node start, not a TypeScript compile.
// In a checkout whose sources are newer than the bundle (or with no bundle), it rebuilds the
// bundle first (about a second), so the bin never runs stale code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bundled = join(root, 'api', 'dist', 'valuegate.mjs');

/** Newest modification time under a folder (the CLI is built from api/ and models/). */
function newest(directory) {
  let time = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(directory, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

function bundleIsFresh() {
  if (!existsSync(bundled)) return false;
  const sources = ['api', 'models'].map((name) => join(root, name)).filter((path) => existsSync(path));
  return statSync(bundled).mtimeMs >= Math.max(...sources.map(newest));
}

if (!bundleIsFresh()) {
  process.stderr.write('valuegate: building the CLI bundle (sources changed since the last build)…\n');
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const built = spawnSync(process.execPath, [tsx, join(root, 'api', 'build', 'bundle.ts')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) {
    process.stderr.write('valuegate: the CLI bundle could not be built; run `npm run build` to see why\n');
    process.exit(2);
  }
}
const { runCli } = await import(pathToFileURL(bundled).href);
process.exitCode = await runCli(process.argv.slice(2));
