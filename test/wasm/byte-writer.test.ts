import { describe, expect, it } from 'vitest';
import { ByteWriter } from '../../models/wasm/byte-writer.ts';

const hex = (writer: ByteWriter): string => Array.from(writer.finish(), (byte) => byte.toString(16).padStart(2, '0')).join(' ');

describe('ByteWriter', () => {
  it('writes unsigned LEB128 (the DWARF and WebAssembly examples)', () => {
    expect(hex(new ByteWriter().u32(0))).toBe('00');
    expect(hex(new ByteWriter().u32(127))).toBe('7f');
    expect(hex(new ByteWriter().u32(128))).toBe('80 01');
    expect(hex(new ByteWriter().u32(624485))).toBe('e5 8e 26');
    expect(hex(new ByteWriter().u32(0xffffffff))).toBe('ff ff ff ff 0f');
  });

  it('writes signed LEB128 (sign bit of the last group)', () => {
    expect(hex(new ByteWriter().s32(0))).toBe('00');
    expect(hex(new ByteWriter().s32(63))).toBe('3f');
    expect(hex(new ByteWriter().s32(64))).toBe('c0 00');
    expect(hex(new ByteWriter().s32(-1))).toBe('7f');
    expect(hex(new ByteWriter().s32(-64))).toBe('40');
    expect(hex(new ByteWriter().s32(-65))).toBe('bf 7f');
    expect(hex(new ByteWriter().s32(-123456))).toBe('c0 bb 78');
    expect(hex(new ByteWriter().s32(-0x80000000))).toBe('80 80 80 80 78');
  });

  it('writes doubles little-endian with every bit, −0 included', () => {
    expect(hex(new ByteWriter().f64(1))).toBe('00 00 00 00 00 00 f0 3f');
    expect(hex(new ByteWriter().f64(-0))).toBe('00 00 00 00 00 00 00 80');
  });

  it('writes names with their byte length, and sized blocks', () => {
    expect(hex(new ByteWriter().name('héllo'))).toBe('06 68 c3 a9 6c 6c 6f');
    const inner = new ByteWriter().bytes(new Array(200).fill(1));
    expect(hex(new ByteWriter().sized(inner)).slice(0, 8)).toBe('c8 01 01');
  });

  it('refuses values outside the encodings’ ranges', () => {
    expect(() => new ByteWriter().u32(-1)).toThrow(RangeError);
    expect(() => new ByteWriter().u32(2 ** 32)).toThrow(RangeError);
    expect(() => new ByteWriter().s32(2 ** 31)).toThrow(RangeError);
    expect(() => new ByteWriter().s32(1.5)).toThrow(RangeError);
  });
});
