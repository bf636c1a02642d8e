import { parseArgs } from 'node:util';
import { closestName } from '../../models/case/closest-name.ts';
import { FactorError, parseFactorsText, type RepresentativenessFactors } from '../../models/evidence/representativeness-factors.ts';
import { UsageError } from './usage-error.ts';

/** Every flag the CLI knows, with whether it takes a value. */
const OPTIONS = {
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
  governance: { type: 'string' },
  precision: { type: 'string' },
  'exchange-rate': { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  case: { type: 'string' },
  input: { type: 'string' },
  n: { type: 'string' },
  sd: { type: 'string' },
  'cost-fixed': { type: 'string' },
  'cost-per-observation': { type: 'string' },
  representativeness: { type: 'string' },
  concurrency: { type: 'string' },
  all: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The options every command may take; each command checks which apply. */
export interface CliOptions {
  positionals: string[];
  trials?: number;
  seed?: number;
  sampling?: 'mc' | 'lhs';
  threads?: number;
  json: boolean;
  help: boolean;
  /** worker: threads (and pg-boss consumers) of this worker process. */
  concurrency?: number;
  /** regate: every active case whose version, engine or rules changed. */
  all: boolean;
  method?: string;
  output?: string;
  /** Tornado percentiles, e.g. [0.1, 0.9]. */
  percentiles?: [number, number];
  /** Sobol base samples. */
  samples?: number;
  variant?: string;
  /** A JSON file of portfolio-level decision rules. */
  rules?: string;
  /** A JSON file of governance settings ({ "tiers": [...] }), instead of the default risk tiers. */
  governance?: string;
  /** Stop once the 95 % CI of the output's mean is within this share of it (0.01 = ±1 %). */
  precision?: number;
  /** compare: 1 unit of B's currency = this many units of A's. */
  exchangeRate?: number;
  /** export: the file format (xlsx). */
  format?: string;
  /** export, import-xlsx: the file to write. */
  out?: string;
  /** import-xlsx: the case file the workbook was exported from. */
  case?: string;
  /** evsi: the input to measure. */
  input?: string;
  /** evsi: planned sample sizes. */
  sizes?: number[];
  /** evsi: expected sd of one observation. */
  sd?: number;
  /** evsi: the measurement's fixed cost and cost per observation. */
  costFixed?: number;
  costPerObservation?: number;
  /** Effective-sample-size factors for evidence (`--representativeness production=1,similar=0.5,curated=0.25`; unset: 1, ½, ¼). */
  representativenessFactors?: RepresentativenessFactors;
}

/**
 * Parses argv strictly: unknown flags and malformed numbers are usage errors that
 * name the flag.
 *
 * @example
 * parseOptions(['simulate', 'case.json', '--trials', '5000'])
 */
export function parseOptions(argv: string[]): CliOptions {
  checkFlags(argv);
  const parsed = parseStrictly(argv);
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
    concurrency: integerOption('--concurrency', values.concurrency, 1, 256),
    all: values.all ?? false,
    method: values.method,
    output: values.output,
    percentiles: percentilePair(values.percentiles),
    samples: integerOption('--samples', values.samples, 64, 1_048_576),
    variant: values.variant,
    rules: values.rules,
    governance: values.governance,
    precision: relativePrecision(values.precision),
    exchangeRate: positiveNumber('--exchange-rate', values['exchange-rate']),
    format: values.format,
    out: values.out,
    case: values.case,
    input: values.input,
    sizes: sampleSizes(values.n),
    sd: positiveNumber('--sd', values.sd),
    costFixed: nonNegativeNumber('--cost-fixed', values['cost-fixed']),
    costPerObservation: nonNegativeNumber('--cost-per-observation', values['cost-per-observation']),
    representativenessFactors: factorsOption(values.representativeness),
  };
}

/** `--representativeness production=1,similar=0.5,curated=0.25`: any subset, the rest at their defaults; a bad part is a usage error. */
function factorsOption(text: string | undefined): RepresentativenessFactors | undefined {
  if (text === undefined) return undefined;
  try {
    return parseFactorsText(text);
  } catch (error) {
    if (error instanceof FactorError) throw new UsageError(`--representativeness: ${error.message}`);
    throw error;
  }
}

/** Node's parser, strict; its rare messages (a positional after `--`) become usage errors. */
function parseStrictly(argv: string[]) {
  try {
    return parseArgs({ args: joinNegativeValues(argv), allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
}

/** An unknown flag is named, with the closest known one ("--trails: unknown option; did you mean --trials?"). */
function checkFlags(argv: string[]): void {
  for (const token of argv) {
    if (token === '--') return;
    if (!token.startsWith('-') || /^-\d/.test(token)) continue;
    const name = token.startsWith('--') ? token.slice(2).split('=')[0] : token.slice(1);
    const known = token.startsWith('--') ? name in OPTIONS : name === 'h';
    if (known) continue;
    const hint = closestName(name, Object.keys(OPTIONS));
    throw new UsageError(`${token.split('=')[0]}: unknown option${hint ? `; did you mean --${hint}?` : ''}`);
  }
}

/**
 * `--trials -5` is a value, not a flag: joined as `--trials=-5` so the range check names it,
 * instead of Node's parser asking about "option arguments starting with a dash".
 */
function joinNegativeValues(argv: string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index];
    const name = token.startsWith('--') ? token.slice(2) : '';
    const next = argv[index + 1];
    if (name in OPTIONS && OPTIONS[name as keyof typeof OPTIONS].type === 'string' && next !== undefined && /^-[\d.]/.test(next)) {
      joined.push(`${token}=${next}`);
      index++;
    } else {
      joined.push(token);
    }
  }
  return joined;
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

function positiveNumber(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0) throw new UsageError(`${flag} must be a positive number, got "${raw}"`);
  return value;
}

function nonNegativeNumber(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0) throw new UsageError(`${flag} must be a number of at least 0, got "${raw}"`);
  return value;
}

/** "10,30,100": up to 20 whole sample sizes from 1 to 10,000,000. */
function sampleSizes(raw: string | undefined): number[] | undefined {
  if (raw === undefined) return undefined;
  const parts = raw.split(',').map((part) => part.trim().replace(/_/g, ''));
  const sizes = parts.map(Number);
  if (parts.length > 20 || parts.some((part) => !/^\d+$/.test(part)) || sizes.some((n) => n < 1 || n > 10_000_000)) {
    throw new UsageError(`--n must be up to 20 whole sample sizes from 1 to 10,000,000 such as 10,30,100, got "${raw}"`);
  }
  return sizes;
}

function integerOption(flag: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.replace(/_/g, '');
  if (!/^-?\d+$/.test(text)) throw new UsageError(`${flag} must be a whole number, got "${raw}"`);
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} must be between ${min} and ${max.toLocaleString('en')}, got ${raw}`);
  }
  return value;
}
