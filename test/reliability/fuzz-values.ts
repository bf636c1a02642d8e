import { mulberry32 } from '../helpers/mulberry32.ts';

/**
 * A seeded source of choices for the fuzz, so every run sends the same requests and a
 * failure can be replayed from its seed (no Math.random).
 *
 * @example
 * const rng = new FuzzRng(7);
 * rng.pick(['a', 'b']); // the same pick on every run
 */
export class FuzzRng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/**
 * Placeholders replaced in the serialised body by raw JSON text that JSON.stringify cannot
 * produce (deep nesting, numbers that overflow to Infinity, duplicate `__proto__` keys).
 */
export const RAW_VALUES: Record<string, string> = {
  '@@deep-array-1000@@': '['.repeat(1000) + ']'.repeat(1000),
  '@@deep-array-5000@@': '['.repeat(5000) + '1' + ']'.repeat(5000),
  '@@deep-object-3000@@': '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
  '@@deep-array-10000@@': '['.repeat(10_000) + ']'.repeat(10_000),
  '@@overflow@@': '1e999',
  '@@negative-overflow@@': '-1e999',
  '@@proto@@': '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
};

/** Numbers at and past every limit a route might have. */
export const BAD_NUMBERS: readonly number[] = [
  -1,
  0,
  -0.5,
  0.5,
  1.5,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32,
  -(2 ** 31) - 1,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e15,
  1e308,
  -1e308,
  5e-324,
  262_145,
  10_000_001,
  1e21,
];

/** Strings that have broken parsers, databases, formula engines and spreadsheets. */
export const BAD_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\ufeff',
  '\u202e',
  '😀',
  'x'.repeat(70_000),
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'prototype',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '%00',
  '%ZZ',
  '=1+1',
  '-1',
  '2147483648',
  'NaN',
  'Infinity',
  'null',
  'true',
  '{}',
  '[]',
  'v1',
  '"v1"',
  '1e999',
  '0x10',
  ' 1',
  '1 ',
  '2026-02-30',
  '9999-99-99',
  'import({}, {override: true})',
  'a\r\nX-Injected: 1',
];

/** The strings a text field must refuse or store intact: control characters, broken UTF-16, size, names JavaScript objects inherit, spreadsheet triggers. */
export const HOSTILE_STRINGS: readonly string[] = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  'x'.repeat(70_000),
  'constructor',
  '__proto__',
  'toString',
  '=1+1',
  '@SUM(A1)',
  '\u202e',
  '',
];

/** Values of the wrong shape entirely. */
export const BAD_SHAPES: readonly unknown[] = [null, true, false, [], {}, [1, 2, 3], { a: 1 }, [null], [[]], ...Object.keys(RAW_VALUES)];

/** Any bad value: a number, a string or a shape. */
export function badValue(rng: FuzzRng): unknown {
  const family = rng.int(3);
  return family === 0 ? rng.pick(BAD_NUMBERS) : family === 1 ? rng.pick(BAD_STRINGS) : rng.pick(BAD_SHAPES);
}

/** Bodies that are not JSON, or not the JSON any route expects. */
export const RAW_BODIES: readonly string[] = [
  '',
  ' ',
  '{',
  '}',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '[1,2',
  'nul',
  'NaN',
  'Infinity',
  '-',
  '1e999',
  '"\\ud800"',
  '"\\u0000"',
  '\u0000',
  '\ufeff{}',
  '{}garbage',
  '{"a":1}{"b":2}',
  'null',
  'true',
  '0',
  '-1',
  '"text"',
  '[]',
  '[{}]',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '"' + 'x'.repeat(100_000) + '"',
  RAW_VALUES['@@deep-array-10000@@'],
  RAW_VALUES['@@deep-object-3000@@'],
  '{"a":"\\x00"}',
  '{"a":"\\uZZZZ"}',
  '\u00ff\u00fe',
];

/** Content types a JSON route should refuse or ignore safely. */
export const CONTENT_TYPES: readonly (string | null)[] = [
  null,
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/jsonx',
  'application/merge-patch+json',
  '*/*',
  'application/octet-stream',
  'application/json;;',
  'APPLICATION/JSON',
];

/** Path ids that are not ids, raw in the URL (some deliberately not valid percent-encoding). */
export const BAD_IDS: readonly string[] = [
  '0',
  '-1',
  '2147483648',
  '9007199254740993',
  '1e3',
  'NaN',
  'null',
  'undefined',
  '%00',
  '%ZZ',
  '%',
  '%2F',
  '..',
  '.',
  '%2e%2e',
  'x'.repeat(5000),
  '00000000-0000-0000-0000-000000000000',
  'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
  '%E2%80%AE',
  '%F0%9F%98%80',
  '%ED%A0%80',
  "'%20OR%201=1",
  '__proto__',
  'constructor',
  '%20',
  'a;b',
  'a,b',
];

/** If-Match values other than the current version. */
export const BAD_IF_MATCH: readonly string[] = [
  '"v2147483648"',
  '"v9007199254740993"',
  '"v-1"',
  '"v0"',
  '"v1.5"',
  '"vNaN"',
  '"v1e3"',
  '*',
  'W/"v1"',
  'v1',
  '"1"',
  '""',
  '"v"',
  '"v1", "v2"',
  '"v99999"',
  'x'.repeat(8000),
];

/** Authorization headers that are not valid tokens. */
export const BAD_AUTH: readonly string[] = [
  'Bearer',
  'Bearer ',
  'Bearer vg_',
  'Bearer vg_' + 'a'.repeat(64),
  'Basic YTpi',
  'bearer x',
  'Bearer ' + 'x'.repeat(8000),
  "Bearer ' OR '1'='1",
];
