import { describe, expect, it } from 'vitest';
import { decodeTableParts, encodeTableParts } from '../../models/distributions/table-bytes.ts';

const bits = (array: Float64Array | Int32Array): number[] =>
  Array.from(array instanceof Float64Array ? new Uint32Array(array.buffer, array.byteOffset, array.length * 2) : array);

describe('table bytes', () => {
  it('give back every part with its kind, length and exact bits', () => {
    const parts = [Float64Array.of(0.1, -0, Number.MIN_VALUE, Infinity, NaN, 1 / 3), Int32Array.of(7, -1, 2147483647), new Float64Array(0), Int32Array.of(5)];
    const decoded = decodeTableParts(encodeTableParts(parts))!;
    expect(decoded).toHaveLength(4);
    decoded.forEach((part, i) => {
      expect(part.constructor).toBe(parts[i].constructor);
      expect(bits(part)).toEqual(bits(parts[i]));
    });
    expect(decodeTableParts(encodeTableParts([]))).toEqual([]);
  });

  it('read a copy that starts at any byte offset (a pooled Buffer)', () => {
    const bytes = encodeTableParts([Float64Array.of(2.5, 3.25)]);
    const shifted = new Uint8Array(bytes.length + 3).subarray(3);
    shifted.set(bytes);
    expect(Array.from(decodeTableParts(shifted)![0])).toEqual([2.5, 3.25]);
  });

  it('refuse a flipped bit anywhere, a truncated copy, an extended copy and foreign bytes', () => {
    const bytes = encodeTableParts([Float64Array.from({ length: 64 }, (_, i) => i / 7), Int32Array.of(1, 2, 3)]);
    for (let at = 0; at < bytes.length; at += 13) {
      const damaged = bytes.slice();
      damaged[at] ^= 0x10;
      expect(decodeTableParts(damaged), `byte ${at}`).toBeNull();
    }
    expect(decodeTableParts(bytes.subarray(0, bytes.length - 8))).toBeNull();
    const longer = new Uint8Array(bytes.length + 8);
    longer.set(bytes);
    expect(decodeTableParts(longer)).toBeNull();
    expect(decodeTableParts(new Uint8Array(0))).toBeNull();
    expect(decodeTableParts(new TextEncoder().encode('not a table, just some text!!!!!'))).toBeNull();
  });
});
