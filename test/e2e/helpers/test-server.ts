import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../../api/server/config.ts';
import { startServer, type RunningServer } from '../../../api/server/start-server.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/**
 * Builds the web app when web/dist is missing (or when VALUEGATE_REBUILD_WEB=1), so the
 * browser tests always drive what `npm start` serves.
 */
export function ensureWebBuilt(): void {
  if (existsSync(`${WEB_DIST}index.html`) && process.env.VALUEGATE_REBUILD_WEB !== '1') return;
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error(`vite build failed with exit code ${result.status}`);
}

/**
 * The real server: in-memory PGlite, local single-user mode (every role), a free port on
 * the loopback interface, serving web/dist. Fixtures are seeded unless `seed: false`.
 */
export async function startTestServer(options: { seed?: boolean } = {}): Promise<RunningServer> {
  ensureWebBuilt();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    VALUEGATE_AUTH: 'off',
    VALUEGATE_WORKERS: '2',
    VALUEGATE_SEED_FIXTURES: options.seed === false ? 'false' : 'true',
  });
  return startServer(config, {
    log: () => undefined,
    webRoot: WEB_DIST,
    fixturesDir: new URL('../../../fixtures/', import.meta.url),
    inMemory: true,
  });
}
