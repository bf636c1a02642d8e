import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.ts';

/** The options every command may take; each command checks which apply. */
export interface CliOptions {
  positionals: string[];
  trials?: number;
  seed?: number;
  sampling?: 'mc' | 'lhs';
  threads?: number;
  json: boolean;
  help: boolean;
  method?: string;
  output?: string;
  /** Tornado percentiles, e.g. [0.1, 0.9]. */
  percentiles?: [number, number];
  /** Sobol base samples. */
  samples?: number;
  variant?: string;
  /** A JSON file of portfolio-level decision rules. */
  rules?: string;
  /** Stop once the 95 % CI of the output's mean is within this share of it (0.01 = ±1 %). */
  precision?: number;
}

/**
 * Parses argv strictly: unknown flags and malformed numbers are usage errors that
 * name the flag.
 *
 * @example
 * parseOptions(['simulate', 'case.json', '--trials', '5000'])
 */
export function parseOptions(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        trials: { type: 'string' },
        seed: { type: 'string' },
        sampling: { type: 'string' },
        threads: { type: 'string' },
        method: { type: 'string' },
        output: { type: 'string' },
        percentiles: { type: 'string' },
        samples: { type: 'string' },
        variant: { type: 'string' },
        rules: { type: 'string' },
        precision: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
  const { values } = parsed;
  const sampling = values.sampling;
  if (sampling !== undefined && sampling !== 'mc' && sampling !== 'lhs') {
    throw new UsageError(`--sampling must be "mc" or "lhs", got "${sampling}"`);
  }
  return {
    positionals: parsed.positionals,
    trials: integerOption('--trials', values.trials, 1, 10_000_000),
    seed: integerOption('--seed', values.seed, 0, Number.MAX_SAFE_INTEGER),
    threads: integerOption('--threads', values.threads, 1, 64),
    sampling,
    json: values.json ?? false,
    help: values.help ?? false,
    method: values.method,
    output: values.output,
    percentiles: percentilePair(values.percentiles),
    samples: integerOption('--samples', values.samples, 64, 1_048_576),
    variant: values.variant,
    rules: values.rules,
    precision: relativePrecision(values.precision),
  };
}

function percentilePair(raw: string | undefined): [number, number] | undefined {
  if (raw === undefined) return undefined;
  const parts = raw.split(',').map((part) => Number(part.trim()));
  if (parts.length !== 2 || parts.some((p) => !Number.isFinite(p)) || !(parts[0] > 0 && parts[0] < parts[1] && parts[1] < 100)) {
    throw new UsageError(`--percentiles must be two percentiles "LOW,HIGH" with 0 < LOW < HIGH < 100, got "${raw}"`);
  }
  return [parts[0] / 100, parts[1] / 100];
}

/** "1%" or "0.01": a relative half-width strictly between 0 and 100 %. */
function relativePrecision(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  const percent = text.endsWith('%');
  const value = Number(percent ? text.slice(0, -1).trim() : text);
  const share = percent ? value / 100 : value;
  if (text === '' || !Number.isFinite(value) || !(share > 0 && share < 1)) {
    throw new UsageError(`--precision must be a share of the mean between 0 and 100 %, such as 1% or 0.01, got "${raw}"`);
  }
  if (!percent && value >= 0.5) throw new UsageError(`--precision ${raw} would allow ±${value * 100} % of the mean; write a percent such as ${raw}%`);
  return share;
}

function integerOption(flag: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.replace(/_/g, '');
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag} must be a whole number, got "${raw}"`);
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} must be between ${min} and ${max.toLocaleString('en')}, got ${raw}`);
  }
  return value;
}
