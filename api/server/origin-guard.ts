import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { ApiError } from './problem.ts';

/** Host names that only this machine can send (a DNS-rebinding page sends its own name). */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What the guard needs from the service configuration. */
export interface OriginGuardOptions {
  /** Local single-user mode (no tokens): the mode the guard protects. */
  authDisabled: boolean;
  /** VALUEGATE_ALLOWED_HOSTS: extra host names (a proxy's public name); `*` accepts any. */
  allowedHosts: readonly string[];
  /** VALUEGATE_CORS_ORIGINS: origins also accepted on mutating requests. */
  corsOrigins: readonly string[];
}

/**
 * The host name (without port) of a `host[:port]` value, lower-cased; null when it is not one.
 *
 * @example
 * hostName('[::1]:8787') // '[::1]'
 * hostName('localhost@evil.example') // null
 */
export function hostName(host: string): string | null {
  if (/[@/\\?#\s]/.test(host)) return null;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
}

/**
 * Defends the token-less local mode against DNS rebinding and cross-site requests:
 *
 * - the Host must be loopback (`localhost`, `127.0.0.1`, `[::1]`, any port) or listed in
 *   VALUEGATE_ALLOWED_HOSTS; anything else is 403;
 * - a mutating request (POST, PUT, PATCH, DELETE) that carries an Origin must come from
 *   this server's own origin (same host and port), a VALUEGATE_CORS_ORIGINS entry or an
 *   allowed host; a cross-site one is 403. No Origin (curl, scripts) is accepted.
 *
 * In token mode the Host check applies only when VALUEGATE_ALLOWED_HOSTS is set (a bearer
 * token is never sent by a browser on its own, so cross-site requests carry no authority).
 *
 * @example
 * app.use('*', originGuard(config));
 */
export function originGuard(options: OriginGuardOptions): MiddlewareHandler<AppEnv> {
  const extra = new Set(options.allowedHosts.map((host) => host.trim().toLowerCase()).filter(Boolean));
  const anyHost = extra.has('*');
  const checkHost = !anyHost && (options.authDisabled || extra.size > 0);
  const allowedHost = (name: string | null): boolean => name !== null && (anyHost || LOOPBACK_NAMES.has(name) || extra.has(name));
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (checkHost && !allowedHost(hostName(host))) {
      throw new ApiError(
        403,
        `this server answers only to localhost, 127.0.0.1 or [::1]${extra.size ? ` and ${[...extra].join(', ')}` : ''}, not the host "${host}" (a guard against DNS rebinding); behind a proxy, list its name in VALUEGATE_ALLOWED_HOSTS`,
      );
    }
    const origin = c.req.header('origin');
    if (options.authDisabled && origin !== undefined && MUTATING.has(c.req.method)) {
      let sameSite = false;
      try {
        const url = new URL(origin);
        sameSite = url.host === host.toLowerCase() || options.corsOrigins.includes(origin) || extra.has(url.hostname);
      } catch {
        sameSite = false; // "null" and other opaque origins
      }
      if (!sameSite) {
        throw new ApiError(
          403,
          `cross-site request refused: Origin ${origin} is not this server's origin; local mode accepts changes only from its own pages (or without an Origin, like curl)`,
        );
      }
    }
    return next();
  };
}
