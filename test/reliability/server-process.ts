import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundle } from '../../api/build/bundle.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The bundled server of `npm start`, built into an ignored folder of its own. */
export interface ServerBundle {
  /** Path of server.mjs. */
  entry: string;
  /** Removes the bundle. */
  remove(): void;
}

/**
 * Builds the real server bundle (api/build/bundle.ts, what `npm start` runs) into
 * test-artifacts/reliability/server-<pid>/dist, beside a copy of the migrations (the bundle
 * finds them at ../storage/migrations), so parallel runs never share or half-overwrite api/dist.
 *
 * @example
 * const server = await buildServerBundle();
 * spawn(process.execPath, [server.entry]);
 */
export async function buildServerBundle(): Promise<ServerBundle> {
  const root = `${REPO_ROOT}test-artifacts/reliability/server-${process.pid}`;
  mkdirSync(`${root}/storage`, { recursive: true });
  cpSync(`${REPO_ROOT}api/storage/migrations`, `${root}/storage/migrations`, { recursive: true });
  await bundle(`${root}/dist`);
  return { entry: `${root}/dist/server.mjs`, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A running server process. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<string>;
}

/** Where the server keeps its data: a PGlite directory, or a PostgreSQL URL. */
export type ServerStore = { dataDir: string } | { databaseUrl: string };

/**
 * Starts `node server.mjs` on a free loopback port in local mode (no fixtures, one worker thread without its warm-up)
 * and waits for its "listening" log line; rejects with its output if it exits or takes
 * longer than `timeoutMs`.
 *
 * @example
 * const server = await startServerProcess(bundle.entry, { dataDir: '/tmp/vg' });
 * process.kill(server.child.pid!, 'SIGKILL');
 */
export function startServerProcess(entry: string, store: ServerStore, timeoutMs = 60_000): Promise<ServerProcess> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    VALUEGATE_AUTH: 'off',
    VALUEGATE_SEED_FIXTURES: 'false',
    VALUEGATE_SKIP_WEB_BUILD: '1',
    VALUEGATE_WORKERS: '1',
    // No run is made: the threads' warm-up simulation would cost 0.4 s of CPU at each of the restarts.
    VALUEGATE_WARM_UP: 'off',
    DATABASE_URL: 'databaseUrl' in store ? store.databaseUrl : undefined,
    VALUEGATE_DATA_DIR: 'dataDir' in store ? store.dataDir : undefined,
  };
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${timeoutMs} ms:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /valuegate listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout?.removeListener('data', onData);
        // Keep draining the pipes so a chatty server never blocks on a full pipe.
        child.stdout?.resume();
        resolve({ url: match[1], child, exited });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${how}) before listening:\n${output.slice(-2000)}`));
    });
  });
}
