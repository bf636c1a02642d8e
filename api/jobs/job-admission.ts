import { ApiError } from '../server/problem.ts';

/** How many jobs (runs, analyses, comparisons, per-trial exports) may be queued or running. */
export interface QueueLimits {
  /** VALUEGATE_MAX_QUEUED_JOBS: queued + running jobs on the whole server (default 32). */
  global: number;
  /** VALUEGATE_MAX_QUEUED_JOBS_PER_TOKEN: queued + running jobs of one token (default 8). */
  perToken: number;
}

export const DEFAULT_QUEUE_LIMITS: QueueLimits = { global: 32, perToken: 8 };

/** A bad limit in the environment; names the variable. */
export class LimitConfigError extends Error {
  constructor(variable: string, raw: string, max: number) {
    super(`${variable}: must be a whole number from 1 to ${max}, got "${raw}"`);
    this.name = 'LimitConfigError';
  }
}

/**
 * A whole-number limit from an environment variable, or the default when unset.
 *
 * @example
 * limitFromEnv({ VALUEGATE_MAX_QUEUED_JOBS: '64' }, 'VALUEGATE_MAX_QUEUED_JOBS', 32) // 64
 */
export function limitFromEnv(env: Record<string, string | undefined>, variable: string, fallback: number, max = 1_000_000_000_000): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > max) throw new LimitConfigError(variable, raw, max);
  return value;
}

/**
 * The queue limits from the environment over the defaults.
 *
 * @example
 * queueLimitsFromEnv(process.env) // { global: 32, perToken: 8 }
 */
export function queueLimitsFromEnv(env: Record<string, string | undefined>): QueueLimits {
  return {
    global: limitFromEnv(env, 'VALUEGATE_MAX_QUEUED_JOBS', DEFAULT_QUEUE_LIMITS.global),
    perToken: limitFromEnv(env, 'VALUEGATE_MAX_QUEUED_JOBS_PER_TOKEN', DEFAULT_QUEUE_LIMITS.perToken),
  };
}

/** How a bound names itself in a 429: what is counted and the variables that set it. */
export interface BoundLabels {
  what: string;
  globalVariable: string;
  tokenVariable: string;
  /** The `limit` member of the problem document, for the server and the token bound. */
  globalName: string;
  tokenName: string;
}

export const QUEUE_LABELS: BoundLabels = {
  what: 'runs and analyses queued or running',
  globalVariable: 'VALUEGATE_MAX_QUEUED_JOBS',
  tokenVariable: 'VALUEGATE_MAX_QUEUED_JOBS_PER_TOKEN',
  globalName: 'queuedJobs',
  tokenName: 'queuedJobsPerToken',
};

/**
 * The bound is reached (for the server or for this token): 429 with Retry-After, so a
 * client backs off instead of piling up work nobody will wait for.
 *
 * @example
 * throw new QueueFullError('server', 32, 12);
 */
export class QueueFullError extends ApiError {
  constructor(scope: 'server' | 'token', limit: number, retryAfterSeconds: number, labels: BoundLabels = QUEUE_LABELS) {
    const who = scope === 'server' ? 'the server already has' : 'your token already has';
    const variable = scope === 'server' ? labels.globalVariable : labels.tokenVariable;
    super(
      429,
      `${who} ${limit} ${labels.what} (${variable}); retry in ${retryAfterSeconds} s`,
      undefined,
      {
        limit: scope === 'server' ? labels.globalName : labels.tokenName,
        maximum: limit,
        retryAfter: retryAfterSeconds,
      },
      { 'Retry-After': String(retryAfterSeconds) },
    );
  }
}

/** Frees a place taken by `acquire`; calling it again does nothing. */
export type Release = () => void;

/**
 * Counts queued + running jobs (or open downloads), in all and per token, and refuses a
 * new one beyond the limits. Retry-After is the recent mean time a place was held:
 * about when one frees up.
 *
 * @example
 * const release = admission.acquire('alice');
 * try { await work(); } finally { release(); }
 */
export class JobAdmission {
  private total = 0;
  private readonly perOwner = new Map<string, number>();
  private meanSeconds = 5;

  constructor(
    public limits: QueueLimits,
    private readonly labels: BoundLabels = QUEUE_LABELS,
  ) {}

  /** Queued + running jobs, in all and of one owner. */
  count(owner?: string): number {
    return owner === undefined ? this.total : (this.perOwner.get(owner) ?? 0);
  }

  /** The advice a 429 gives: whole seconds, 1 to 300. */
  retryAfterSeconds(): number {
    return Math.min(300, Math.max(1, Math.ceil(this.meanSeconds)));
  }

  /**
   * Takes a place for one job of `owner` (a token's name), or throws QueueFullError.
   * An undefined owner (work the server does for itself) counts only globally.
   */
  acquire(owner?: string): Release {
    if (this.total >= this.limits.global) throw new QueueFullError('server', this.limits.global, this.retryAfterSeconds(), this.labels);
    if (owner !== undefined && this.count(owner) >= this.limits.perToken)
      throw new QueueFullError('token', this.limits.perToken, this.retryAfterSeconds(), this.labels);
    this.total++;
    if (owner !== undefined) this.perOwner.set(owner, this.count(owner) + 1);
    const started = performance.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      if (owner !== undefined) {
        const left = this.count(owner) - 1;
        if (left > 0) this.perOwner.set(owner, left);
        else this.perOwner.delete(owner);
      }
      // Exponential mean of how long a job held its place (queue wait included).
      this.meanSeconds = 0.8 * this.meanSeconds + 0.2 * ((performance.now() - started) / 1000);
    };
  }
}
