import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestModification(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModification(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the web app when web/dist is missing or older than its sources (or the
 * models it bundles), so `npm start` on a fresh clone serves the UI without a
 * separate build step. Returns what it did.
 *
 * @example
 * ensureWebBuild('/path/to/repo', log);
 */
export function ensureWebBuild(root: string, log: (line: Record<string, unknown>) => void): 'fresh' | 'built' | 'failed' {
  if (webBuildIsFresh(root)) return 'fresh';
  log({ level: 'info', msg: 'building the web app (web/dist is missing or older than its sources)…' });
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(root, 'web', 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    log({ level: 'error', msg: 'the web app build failed; the API still runs. Run `npm run build:web` to see why.' });
    return 'failed';
  }
  return 'built';
}

/**
 * Whether web/dist exists and is newer than every file it is built from (web/src and
 * the engine in models/, which the browser runs too).
 *
 * @example
 * if (!webBuildIsFresh(process.cwd())) console.log('run npm run build:web');
 */
export function webBuildIsFresh(root: string): boolean {
  const index = join(root, 'web', 'dist', 'index.html');
  const sources = [join(root, 'web', 'src'), join(root, 'models')].filter((path) => existsSync(path));
  return existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestModification));
}
