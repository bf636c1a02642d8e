import { z } from 'zod';
import { REPRESENTATIVENESS, type Representativeness } from '../case/evidence-schema.ts';

/** Effective-sample-size factor per representativeness: evidence of n counts as factor·n observations. */
export type RepresentativenessFactors = Readonly<Record<Representativeness, number>>;

/**
 * The default factors: production evidence counts in full, evidence from a similar
 * setting for half, curated evidence (cleaned, selected, hand-held) for a quarter.
 * A portfolio may set its own (each in (0, 1]).
 *
 * @example
 * REPRESENTATIVENESS_FACTORS.curated * 40 // 10: forty curated observations count as ten
 */
export const REPRESENTATIVENESS_FACTORS: RepresentativenessFactors = Object.freeze({ production: 1, similar: 0.5, curated: 0.25 });

/** Messages for bad factors, as constants (the API's 422 and the CLI's exit 2 name them). */
export const FACTOR_ERRORS = {
  range: 'must be a number greater than 0 and at most 1 (an effective-sample-size factor)',
  unknown: `is not a representativeness; use ${REPRESENTATIVENESS.join(', ')}`,
  syntax: 'give NAME=FACTOR pairs separated by commas, e.g. production=1,similar=0.5,curated=0.25',
} as const;

const factor = z.number({ message: FACTOR_ERRORS.range }).gt(0, FACTOR_ERRORS.range).lte(1, FACTOR_ERRORS.range);

/**
 * Factors as a portfolio or a request gives them: any of the three, each in (0, 1]; one left
 * out keeps its default. Unknown keys are refused.
 *
 * @example
 * representativenessFactorsSchema.parse({ curated: 0.1 }) // { curated: 0.1 }
 */
export const representativenessFactorsSchema = z.strictObject({ production: factor.optional(), similar: factor.optional(), curated: factor.optional() });
export type RepresentativenessFactorsInput = z.infer<typeof representativenessFactorsSchema>;

/**
 * The complete factors: the given ones over the defaults.
 *
 * @example
 * resolveFactors({ curated: 0.1 }) // { production: 1, similar: 0.5, curated: 0.1 }
 */
export function resolveFactors(given: RepresentativenessFactorsInput | null | undefined): RepresentativenessFactors {
  const own = Object.fromEntries(Object.entries(given ?? {}).filter(([, value]) => value !== undefined));
  return Object.freeze({ ...REPRESENTATIVENESS_FACTORS, ...own });
}

/** A factor text that cannot be read; `field` names the offending part. */
export class FactorError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field} ${message}`);
    this.name = 'FactorError';
  }
}

/**
 * Reads `production=1,similar=0.5,curated=0.25` (any subset; the rest keep their defaults),
 * the text form the CLI's `--representativeness` takes. Throws `FactorError` naming the part.
 *
 * @example
 * parseFactorsText('curated=0.1') // { production: 1, similar: 0.5, curated: 0.1 }
 */
export function parseFactorsText(text: string): RepresentativenessFactors {
  const given: Record<string, number> = {};
  for (const part of text.split(',')) {
    const match = /^\s*([A-Za-z]+)\s*=\s*(\S+)\s*$/.exec(part);
    if (!match) throw new FactorError(`"${part}"`, FACTOR_ERRORS.syntax);
    const [, name, value] = match;
    if (!(REPRESENTATIVENESS as readonly string[]).includes(name)) throw new FactorError(name, FACTOR_ERRORS.unknown);
    const number = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value) ? Number(value) : Number.NaN;
    if (!(number > 0 && number <= 1)) throw new FactorError(name, FACTOR_ERRORS.range);
    given[name] = number;
  }
  return resolveFactors(given);
}

/**
 * The factors in words, as reports and the CLI print them.
 *
 * @example
 * factorsText(REPRESENTATIVENESS_FACTORS) // 'production 1, similar 0.5, curated 0.25'
 */
export function factorsText(factors: RepresentativenessFactors): string {
  return REPRESENTATIVENESS.map((name) => `${name} ${factors[name]}`).join(', ');
}
