import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newestModification } from '../build/fresh-bundle.js';

type Log = (line: Record<string, unknown>) => void;

/** How often a long build says it is still working, so a first start is never silent. */
const HEARTBEAT_MS = 5_000;

/**
 * Builds the web app when web/dist is missing or older than its sources (or the
 * models it bundles), so `npm start` on a fresh clone serves the UI without a
 * separate build step. `npm install` already builds it (the `prepare` script), so
 * this runs only after a change to web/ or models/. It says what it is doing, says
 * so again every few seconds, and keeps the bundler's own output unless the build fails.
 *
 * @example
 * await ensureWebBuild('/path/to/repo', log);
 */
export async function ensureWebBuild(root: string, log: Log): Promise<'fresh' | 'built' | 'failed'> {
  if (webBuildIsFresh(root)) return 'fresh';
  const started = Date.now();
  log({ level: 'info', msg: 'building the web app (web/dist is missing or older than web/src or models/); this takes 10-45 s once' });
  const heartbeat = setInterval(() => log({ level: 'info', msg: `still building the web app (${Math.round((Date.now() - started) / 1000)} s)` }), HEARTBEAT_MS);
  const { status, output } = await runViteBuild(root);
  clearInterval(heartbeat);
  if (status !== 0) {
    process.stderr.write(output);
    log({ level: 'error', msg: 'the web app build failed (output above); the API still runs. Run `npm run build:web` to see why.' });
    return 'failed';
  }
  log({ level: 'info', msg: `built the web app in ${((Date.now() - started) / 1000).toFixed(1)} s` });
  return 'built';
}

/** Runs `vite build` for web/, collecting its output instead of printing it. */
export function runViteBuild(root: string): Promise<{ status: number | null; output: string }> {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(process.execPath, [vite, 'build', '--config', join(root, 'web', 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ status: 1, output: `${output}${String(error)}\n` }));
    child.on('close', (status) => resolve({ status, output }));
  });
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
