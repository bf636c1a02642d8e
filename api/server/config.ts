import { QueueConfigError, queueConfigFromEnv, type QueueConfig } from '../queue/queue-config.ts';

/** Service configuration, from environment variables (documented in docs/api.md (Configuration)). */
export interface ServiceConfig {
  /** PORT: HTTP port (default 8787). */
  port: number;
  /** HOST: interface to bind (default 127.0.0.1). */
  host: string;
  /** DATABASE_URL: PostgreSQL; when unset, embedded PGlite in dataDir. */
  databaseUrl?: string;
  /** VALUEGATE_DATA_DIR: PGlite data directory (default ./data). */
  dataDir: string;
  /** VALUEGATE_AUTH=off: local single-user mode without tokens (only when bound to localhost). */
  authDisabled: boolean;
  /** VALUEGATE_ADMIN_TOKEN: the first admin token; otherwise one is generated and printed once. */
  adminToken?: string;
  /** VALUEGATE_CORS_ORIGINS: comma-separated origins allowed by CORS (default none). */
  corsOrigins: string[];
  /** VALUEGATE_ALLOWED_HOSTS: comma-separated host names accepted besides loopback (a proxy's public name; `*` for any). */
  allowedHosts: string[];
  /** VALUEGATE_MAX_BODY_BYTES: request body limit (default 2 MiB). */
  maxBodyBytes: number;
  /** VALUEGATE_WORKERS: worker threads for runs and analyses (default 2). */
  workers: number;
  /** VALUEGATE_MAX_CONCURRENT_RUNS: jobs running at once; the rest queue (default = workers). */
  maxConcurrentJobs: number;
  /** VALUEGATE_WARM_UP=off: worker threads start without their warm-up simulation (about 0.4 s of CPU each; the first run is slower). */
  warmUpThreads: boolean;
  /** VALUEGATE_SEED_FIXTURES=false: do not load fixtures into an empty database. */
  seedFixtures: boolean;
  /** VALUEGATE_MAX_TRIALS: largest run the API accepts (default 1,000,000). */
  maxTrials: number;
  /** VALUEGATE_QUEUE=pgboss (with DATABASE_URL): runs and analyses go to `valuegate worker` processes (docs/scale-out.md). */
  queue?: QueueConfig;
}

export const DEFAULT_CONFIG = {
  port: 8787,
  host: '127.0.0.1',
  dataDir: './data',
  authDisabled: false,
  corsOrigins: [],
  allowedHosts: [],
  maxBodyBytes: 2 * 1024 * 1024,
  workers: 2,
  maxConcurrentJobs: 2,
  warmUpThreads: true,
  seedFixtures: true,
  maxTrials: 1_000_000,
} satisfies Omit<ServiceConfig, 'databaseUrl' | 'adminToken' | 'queue'>;

/** A configuration value that cannot be used; names the variable. */
export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Reads the configuration from environment variables over the defaults.
 *
 * @example
 * const config = loadConfig(process.env);
 */
export function loadConfig(env: Record<string, string | undefined>): ServiceConfig {
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
    const value = Number(raw);
    if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${raw}`);
    return value;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
    if (['0', 'false', 'off', 'no'].includes(raw)) return false;
    throw new ConfigError(name, `must be on or off, got "${env[name]}"`);
  };
  const workers = integer('VALUEGATE_WORKERS', DEFAULT_CONFIG.workers, 1, 64);
  const config: ServiceConfig = {
    port: integer('PORT', DEFAULT_CONFIG.port, 0, 65535),
    host: env.HOST || DEFAULT_CONFIG.host,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.VALUEGATE_DATA_DIR || DEFAULT_CONFIG.dataDir,
    authDisabled: env.VALUEGATE_AUTH !== undefined ? !flag('VALUEGATE_AUTH', true) : DEFAULT_CONFIG.authDisabled,
    adminToken: env.VALUEGATE_ADMIN_TOKEN || undefined,
    corsOrigins: (env.VALUEGATE_CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    allowedHosts: (env.VALUEGATE_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
    maxBodyBytes: integer('VALUEGATE_MAX_BODY_BYTES', DEFAULT_CONFIG.maxBodyBytes, 1024, 100 * 1024 * 1024),
    workers,
    maxConcurrentJobs: integer('VALUEGATE_MAX_CONCURRENT_RUNS', workers, 1, 64),
    warmUpThreads: flag('VALUEGATE_WARM_UP', DEFAULT_CONFIG.warmUpThreads),
    seedFixtures: flag('VALUEGATE_SEED_FIXTURES', DEFAULT_CONFIG.seedFixtures),
    maxTrials: integer('VALUEGATE_MAX_TRIALS', DEFAULT_CONFIG.maxTrials, 1, 10_000_000),
    queue: queueFromEnv(env),
  };
  if (config.adminToken !== undefined && config.adminToken.length < 24) {
    throw new ConfigError('VALUEGATE_ADMIN_TOKEN', 'must be at least 24 characters');
  }
  if (config.authDisabled && !LOCAL_HOSTS.has(config.host)) {
    throw new ConfigError('VALUEGATE_AUTH', `local mode without tokens is only allowed when HOST is localhost, not ${config.host}`);
  }
  return config;
}

/** Queue mode's settings, or undefined; a bad one is a ConfigError naming the variable. */
function queueFromEnv(env: Record<string, string | undefined>): QueueConfig | undefined {
  try {
    return queueConfigFromEnv(env);
  } catch (error) {
    if (error instanceof QueueConfigError) throw new ConfigError(error.message.split(':')[0], error.message.slice(error.message.indexOf(':') + 2));
    throw error;
  }
}

/**
 * Whether a host is loopback-only.
 *
 * @example
 * isLocalHost('127.0.0.1') // true
 */
export function isLocalHost(host: string): boolean {
  return LOCAL_HOSTS.has(host);
}
