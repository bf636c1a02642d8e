import { describe, expect, it } from 'vitest';
import { CANONICAL_JSON_ERRORS, canonicalJson } from '../../models/decision/canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts object keys recursively and writes no whitespace', () => {
    expect(canonicalJson({ b: [1, { d: 2, c: null }], a: 'x' })).toBe('{"a":"x","b":[1,{"c":null,"d":2}]}');
  });

  it('gives the same text whatever order the keys were built in', () => {
    expect(canonicalJson({ z: { y: 1, x: 2 }, a: true })).toBe(canonicalJson({ a: true, z: { x: 2, y: 1 } }));
  });

  it('keeps array order', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    // 'B' (0x42) < 'a' (0x61) < 'é' (0xE9)
    expect(canonicalJson({ é: 1, a: 2, B: 3 })).toBe('{"B":3,"a":2,"é":1}');
  });

  it('writes numbers in shortest round-trip form, −0 as 0, and escapes strings as JSON does', () => {
    expect(canonicalJson([0.1, 1e21, -0, 1.5e-7, 100])).toBe('[0.1,1e+21,0,1.5e-7,100]');
    expect(canonicalJson({ 'a"b': 'line\nbreak' })).toBe('{"a\\"b":"line\\nbreak"}');
  });

  it('leaves out undefined object properties, like an absent optional field', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('uses toJSON (dates)', () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2026, 4, 1)) })).toBe('{"at":"2026-05-01T00:00:00.000Z"}');
  });

  it('rejects non-finite numbers, naming where', () => {
    expect(() => canonicalJson({ a: [1, NaN] })).toThrow(CANONICAL_JSON_ERRORS.nonFinite);
    expect(() => canonicalJson({ a: [1, NaN] })).toThrow('"/a/1"');
    expect(() => canonicalJson(Infinity)).toThrow(CANONICAL_JSON_ERRORS.nonFinite);
    expect(() => canonicalJson(-Infinity)).toThrow(CANONICAL_JSON_ERRORS.nonFinite);
  });

  it('rejects undefined in arrays or at the top, cycles and non-plain objects', () => {
    expect(() => canonicalJson([1, undefined])).toThrow(CANONICAL_JSON_ERRORS.undefinedValue);
    expect(() => canonicalJson(undefined)).toThrow(CANONICAL_JSON_ERRORS.undefinedValue);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(CANONICAL_JSON_ERRORS.cycle);
    expect(() => canonicalJson(new Map())).toThrow(CANONICAL_JSON_ERRORS.unsupported);
    expect(() => canonicalJson(new Float64Array(2))).toThrow(CANONICAL_JSON_ERRORS.unsupported);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(CANONICAL_JSON_ERRORS.unsupported);
    expect(() => canonicalJson(1n)).toThrow(CANONICAL_JSON_ERRORS.unsupported);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { a: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"a":1},{"a":1}]');
  });
});
