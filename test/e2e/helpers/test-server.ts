import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../../api/server/config.ts';
import { webBuildIsFresh } from '../../../api/server/ensure-web-build.ts';
import { startServer, type RunningServer } from '../../../api/server/start-server.ts';
import { migratedPgliteImage } from '../../helpers/pglite-image.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const BUILD_LOCK = `${REPO_ROOT}test-artifacts/.web-build.lock`;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the web app when web/dist is missing or older than its sources, web/src and
 * models/ (or when VALUEGATE_REBUILD_WEB=1), so the browser tests always drive what
 * `npm start` serves, engine included. Test files run in parallel, so one
 * builds under a lock directory while the others wait for it.
 */
export async function ensureWebBuilt(): Promise<void> {
  const built = (): boolean => webBuildIsFresh(REPO_ROOT);
  if (built() && process.env.VALUEGATE_REBUILD_WEB !== '1') return;
  mkdirSync(`${REPO_ROOT}test-artifacts`, { recursive: true });
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      // Another test file is building; a lock older than five minutes was left by a crash.
      if (existsSync(BUILD_LOCK) && Date.now() - statSync(BUILD_LOCK).mtimeMs > 300_000) rmSync(BUILD_LOCK, { recursive: true, force: true });
      if (waited > 240_000) throw new Error('timed out waiting for another web build');
      await sleep(500);
      if (!existsSync(BUILD_LOCK) && built()) return;
    }
  }
  try {
    if (built() && process.env.VALUEGATE_REBUILD_WEB !== '1') return;
    const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: process.env,
    });
    if (result.status !== 0) throw new Error(`vite build failed with exit code ${result.status}`);
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/**
 * The real server: in-memory PGlite (from the test process's migrated image), local single-user mode (every role), a free port on
 * the loopback interface, serving web/dist. Fixtures are seeded unless `seed: false`.
 */
export async function startTestServer(options: { seed?: boolean } = {}): Promise<RunningServer> {
  await ensureWebBuilt();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    VALUEGATE_AUTH: 'off',
    VALUEGATE_WORKERS: '2',
    // The threads' warm-up simulation is for a first request's latency, which no browser test measures.
    VALUEGATE_WARM_UP: 'off',
    VALUEGATE_SEED_FIXTURES: options.seed === false ? 'false' : 'true',
  });
  const server = await startServer(config, {
    log: () => undefined,
    webRoot: WEB_DIST,
    fixturesDir: new URL('../../../fixtures/', import.meta.url),
    inMemory: true,
    image: await migratedPgliteImage(),
  });
  // The browser tests start from the whole example portfolio, post-launch fixtures included.
  await server.seeded;
  return server;
}

/**
 * Gives every seeded case a stored run and a gate evaluation through the API, so the
 * portfolio shows P(NPV > 0), median NPV, full cost and the recommendation.
 */
export async function runSeededCases(server: RunningServer, trials = 10_000): Promise<void> {
  const { items } = (await (await fetch(`${server.url}/api/cases`)).json()) as { items: { id: string }[] };
  await Promise.all(
    items.map(async (item) => {
      const run = (await (
        await fetch(`${server.url}/api/cases/${item.id}/runs?wait=true`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ trials }),
        })
      ).json()) as { id: string; status: string };
      if (run.status !== 'succeeded') throw new Error(`seed run of ${item.id} ended ${run.status}`);
      const gate = await fetch(`${server.url}/api/runs/${run.id}/analyses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'gate' }),
      });
      if (!gate.ok) throw new Error(`gate of ${item.id} failed with ${gate.status}`);
    }),
  );
}
