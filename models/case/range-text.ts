import type { DistributionSpec } from '../distributions/spec.ts';

/**
 * A range typed where a number or formula is expected, as Guesstimate and Squiggle users
 * write it: `5 to 10` (a 90 % range), `5 to 10 normal`, `~8 ±20%` (a 90 % range around 8)
 * or `3, 5, 9` (three points: minimum, most likely, maximum).
 */
export type RangeText =
  | { ok: true; spec: DistributionSpec /** In words, e.g. "lognormal, 90 % between 5 and 10". */; summary: string }
  | { ok: false /** What is wrong and what to type instead. */; message: string };

const RANGE_NAMES = ['lognormal', 'normal', 'uniform', 'pert', 'triangular'] as const;
type RangeName = (typeof RANGE_NAMES)[number];

const NUMBER = String.raw`[-+]?(?:\d[\d\s\u00a0\u202f_']*(?:[.,]\d+)?|[.,]\d+)(?:e[-+]?\d+)?%?`;
const NAME = String.raw`(?:\s+([A-Za-z]+))?`;
const TO = new RegExp(String.raw`^(${NUMBER})?\s*(?:to|–|\.\.|…)\s*(${NUMBER})?${NAME}$`, 'i');
const AROUND = new RegExp(String.raw`^~?\s*(${NUMBER})\s*(?:±|\+-|\+/-)\s*(${NUMBER})?${NAME}$`, 'i');
/** "1,250,000" is one number with grouping commas, not three points. */
const GROUPED_THOUSANDS = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** Drops the binary noise of a computed bound: 8 − 8 × 0.2 is 6.4, not 6.3999999999999995. */
const clean = (value: number): number => Number(value.toPrecision(12));

/** A number as typed in a range: grouping spaces, a decimal comma, a trailing % (÷ 100). */
function readNumber(text: string, decimalComma: boolean): number | null {
  let body = text.trim().replace(/[\s\u00a0\u202f_']/g, '');
  const percent = body.endsWith('%');
  if (percent) body = body.slice(0, -1);
  if (decimalComma && /^[-+]?\d*,\d+$/.test(body)) body = body.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(body)) return null;
  const value = Number(body);
  if (!Number.isFinite(value)) return null;
  return percent ? value / 100 : value;
}

function rangeName(word: string | undefined): RangeName | null | undefined {
  if (word === undefined) return undefined;
  const lower = word.toLowerCase();
  return (RANGE_NAMES as readonly string[]).includes(lower) ? (lower as RangeName) : null;
}

const unknownName = (word: string): RangeText => ({
  ok: false,
  message: `"${word}" is not a distribution: write lognormal, normal, uniform, pert or triangular after the range`,
});

/** A 90 % range from `low` to `high` as the named distribution (lognormal when both ends are positive). */
function ninetyPercent(low: number, high: number, name: RangeName | undefined): RangeText {
  if (!(low < high)) return { ok: false, message: `the low end (${low}) must be below the high end (${high}): write it as "${high} to ${low}"` };
  const type = name ?? (low > 0 ? 'lognormal' : 'normal');
  if (type === 'lognormal') {
    if (low <= 0) return { ok: false, message: 'a lognormal range needs both ends above 0; use "normal" for a quantity that can be 0 or negative' };
    return { ok: true, spec: { type, p5: low, p95: high }, summary: `lognormal, 90 % between ${low} and ${high}` };
  }
  if (type === 'normal') return { ok: true, spec: { type, p5: low, p95: high }, summary: `normal, 90 % between ${low} and ${high}` };
  if (type === 'uniform') return { ok: true, spec: { type, min: low, max: high }, summary: `uniform between ${low} and ${high}` };
  return { ok: false, message: `a ${type} range needs three points: minimum, most likely, maximum (e.g. "${low}, ${(low + high) / 2}, ${high} ${type}")` };
}

function parseTo(match: RegExpMatchArray): RangeText | null {
  const [, lowText, highText, word] = match;
  // "to" alone is a name being typed ("total"), not a range.
  if (lowText === undefined && highText === undefined) return null;
  if (lowText === undefined || highText === undefined) return { ok: false, message: 'give both ends of the range, e.g. "5 to 10"' };
  const name = rangeName(word);
  if (name === null) return unknownName(word!);
  const low = readNumber(lowText, true);
  const high = readNumber(highText, true);
  if (low === null || high === null) return { ok: false, message: 'both ends of the range must be numbers, e.g. "5 to 10"' };
  return ninetyPercent(low, high, name);
}

function parseAround(match: RegExpMatchArray): RangeText {
  const [, centreText, spreadText, word] = match;
  if (spreadText === undefined) return { ok: false, message: 'give the spread after ±, e.g. "~8 ±20%"' };
  const name = rangeName(word);
  if (name === null) return unknownName(word!);
  const centre = readNumber(centreText, true);
  const spread = readNumber(spreadText, true);
  if (centre === null || spread === null) return { ok: false, message: 'write a number and its spread, e.g. "~8 ±20%" or "~8 ±1.5"' };
  if (spread <= 0) return { ok: false, message: 'the spread after ± must be above 0' };
  // ±20% is relative to the centre; ±1.5 is in the quantity's own unit.
  const half = spreadText.trim().endsWith('%') ? Math.abs(centre) * spread : spread;
  return ninetyPercent(clean(centre - half), clean(centre + half), name);
}

function parseThreePoints(text: string): RangeText | null {
  const words = text.trim().match(/^(.*?)(?:\s+([A-Za-z]+))?$/)!;
  if (GROUPED_THOUSANDS.test(words[1].trim())) return null;
  // "1,5; 2; 4" separates with semicolons so that a comma can be a decimal comma.
  const semicolons = text.includes(';');
  const parts = words[1].split(semicolons ? ';' : ',');
  if (parts.length !== 3) return null;
  const values = parts.map((part) => readNumber(part, semicolons));
  if (values.some((value) => value === null)) return null;
  const name = rangeName(words[2]);
  if (name === null) return unknownName(words[2]!);
  const [min, mode, max] = values as number[];
  const type = name ?? 'pert';
  if (type !== 'pert' && type !== 'triangular') return { ok: false, message: `three points make a PERT or a triangular distribution, not a ${type}` };
  if (!(min <= mode && mode <= max && min < max)) {
    return { ok: false, message: `write the three points in order: minimum, most likely, maximum (got ${min}, ${mode}, ${max})` };
  }
  return {
    ok: true,
    spec: { type, min, mode, max },
    summary: `${type === 'pert' ? 'PERT' : 'triangular'}: minimum ${min}, most likely ${mode}, maximum ${max}`,
  };
}

/**
 * Reads a range typed in a number or formula field. Returns null when the text is not
 * written as a range (a number or a formula such as `volume * 3`, which stays a formula);
 * otherwise the distribution in the case format's own terms (a lognormal or normal 90 %
 * range is its `p5`/`p95` form), or why the range cannot be used.
 *
 * @example
 * parseRangeText('5 to 10')        // { ok: true, spec: { type: 'lognormal', p5: 5, p95: 10 }, … }
 * parseRangeText('-2 to 10')       // { ok: true, spec: { type: 'normal', p5: -2, p95: 10 }, … }
 * parseRangeText('~8 ±20%')        // { ok: true, spec: { type: 'lognormal', p5: 6.4, p95: 9.6 }, … }
 * parseRangeText('3, 5, 9')        // { ok: true, spec: { type: 'pert', min: 3, mode: 5, max: 9 }, … }
 * parseRangeText('10 to 5')        // { ok: false, message: 'the low end (10) must be below …' }
 * parseRangeText('volume * 3')     // null
 */
export function parseRangeText(text: string): RangeText | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const to = trimmed.match(TO);
  if (to) return parseTo(to);
  const around = trimmed.match(AROUND);
  if (around) return parseAround(around);
  return parseThreePoints(trimmed);
}
