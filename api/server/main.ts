// `npm start`: the API and the web app on one port, with embedded storage and the fixtures loaded.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.ts';
import { ensureWebBuild } from './ensure-web-build.ts';
import { startServer } from './start-server.ts';

const log = (line: Record<string, unknown>): void => {
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), ...line }) + '\n');
};

const environment = { ...process.env };
// A fresh clone should just work: local single-user mode unless tokens are asked for or the host is public.
if (environment.VALUEGATE_AUTH === undefined && (!environment.HOST || ['127.0.0.1', 'localhost', '::1'].includes(environment.HOST))) {
  environment.VALUEGATE_AUTH = 'off';
}

try {
  const config = loadConfig(environment);
  const webRoot = fileURLToPath(new URL('../../web/dist/', import.meta.url));
  if (environment.VALUEGATE_SKIP_WEB_BUILD !== '1') await ensureWebBuild(fileURLToPath(new URL('../../', import.meta.url)), log);
  if (!existsSync(webRoot)) log({ level: 'warn', msg: 'web/dist is missing: run `npm run build:web` to serve the web app' });
  const server = await startServer(config, { log, webRoot, fixturesDir: new URL('../../fixtures/', import.meta.url) });
  const shutdown = (signal: string): void => {
    log({ level: 'info', msg: `${signal}: finishing in-flight requests, stopping workers, closing the database` });
    server.close().then(
      () => process.exit(0),
      (error) => {
        log({ level: 'error', msg: 'shutdown failed', error: String(error) });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  if (error instanceof ConfigError) {
    log({ level: 'error', msg: `configuration: ${error.message}` });
    process.exit(2);
  }
  throw error;
}
