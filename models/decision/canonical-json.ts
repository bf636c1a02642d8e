/**
 * Messages of `canonicalJson`, as constants.
 *
 * @example
 * expect(() => canonicalJson(NaN)).toThrow(CANONICAL_JSON_ERRORS.nonFinite);
 */
export const CANONICAL_JSON_ERRORS = {
  nonFinite: 'non-finite numbers have no JSON form',
  unsupported: 'only plain objects, arrays, strings, finite numbers, booleans and null can be hashed',
  undefinedValue: 'undefined has no JSON form here',
  cycle: 'the value refers to itself',
} as const;

/**
 * Canonical JSON: object keys sorted recursively (by UTF-16 code units, as in RFC 8785),
 * no whitespace, numbers in JavaScript's shortest round-trip form (−0 as 0). Equal data
 * gives equal text whatever the key order it was built with, so its hash identifies it.
 * Object properties that are undefined are left out, as JSON.stringify does, so an
 * absent optional field and an undefined one hash alike; values with `toJSON` (Date)
 * use it. Non-finite numbers, undefined in arrays or at the top, cycles, and anything
 * but plain objects and arrays (Map, typed arrays, functions, bigint) throw a TypeError
 * naming the JSON pointer.
 *
 * @example
 * canonicalJson({ b: [1, { d: 2, c: null }], a: 'x' }) // '{"a":"x","b":[1,{"c":null,"d":2}]}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, '', new Set());
}

function write(value: unknown, pointer: string, open: Set<object>): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: (key: string) => unknown }).toJSON(pointer.slice(pointer.lastIndexOf('/') + 1));
  }
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${CANONICAL_JSON_ERRORS.nonFinite} (at "${pointer}": ${value})`);
      return JSON.stringify(value);
    case 'undefined':
      throw new TypeError(`${CANONICAL_JSON_ERRORS.undefinedValue} (at "${pointer}")`);
    case 'object':
      break;
    default:
      throw new TypeError(`${CANONICAL_JSON_ERRORS.unsupported} (at "${pointer}": ${typeof value})`);
  }
  const object = value as object;
  if (open.has(object)) throw new TypeError(`${CANONICAL_JSON_ERRORS.cycle} (at "${pointer}")`);
  open.add(object);
  let text: string;
  if (Array.isArray(object)) {
    text = `[${object.map((item, index) => write(item, `${pointer}/${index}`, open)).join(',')}]`;
  } else {
    const prototype = Object.getPrototypeOf(object);
    if (prototype !== Object.prototype && prototype !== null) {
      throw new TypeError(`${CANONICAL_JSON_ERRORS.unsupported} (at "${pointer}": ${object.constructor?.name ?? 'object'})`);
    }
    const record = object as Record<string, unknown>;
    // Default sort compares UTF-16 code units, which is what RFC 8785 asks for.
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    text = `{${keys.map((key) => `${JSON.stringify(key)}:${write(record[key], `${pointer}/${escapePointer(key)}`, open)}`).join(',')}}`;
  }
  open.delete(object);
  return text;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
