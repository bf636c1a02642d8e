import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';

/** Where structured log lines go (stdout by default; tests pass a collector). */
export type LogSink = (line: Record<string, unknown>) => void;

/**
 * Gives every request an id (kept from X-Request-Id when sane) and writes one
 * structured JSON line per request: method, path, status, duration and request id.
 *
 * @example
 * app.use(requestLog((line) => console.log(JSON.stringify(line))));
 */
export function requestLog(sink: LogSink): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId', requestId);
    try {
      await next();
    } finally {
      c.header('X-Request-Id', requestId);
      sink({
        time: new Date().toISOString(),
        level: c.res.status >= 500 ? 'error' : 'info',
        msg: 'request',
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        requestId,
      });
    }
  };
}
