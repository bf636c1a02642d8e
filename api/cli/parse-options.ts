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
  };
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
