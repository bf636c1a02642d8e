/**
 * A growable byte buffer with the encodings the WebAssembly binary format uses:
 * unsigned and signed LEB128, little-endian IEEE doubles, and length-prefixed names.
 *
 * @example
 * const writer = new ByteWriter();
 * writer.u32(624485); // e5 8e 26
 * writer.finish(); // Uint8Array [0xe5, 0x8e, 0x26]
 */
export class ByteWriter {
  private buffer: Uint8Array<ArrayBuffer> = new Uint8Array(256);
  private length = 0;
  private readonly scratch = new DataView(new ArrayBuffer(8));

  /** Bytes written so far. */
  get size(): number {
    return this.length;
  }

  byte(value: number): this {
    if (this.length === this.buffer.length) this.grow(1);
    this.buffer[this.length++] = value & 0xff;
    return this;
  }

  bytes(values: ArrayLike<number>): this {
    this.grow(values.length);
    this.buffer.set(values, this.length);
    this.length += values.length;
    return this;
  }

  /** Unsigned LEB128 of a value in [0, 2^32). */
  u32(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`u32 out of range: ${value}`);
    let rest = value;
    do {
      const low = rest % 128;
      rest = Math.floor(rest / 128);
      this.byte(rest === 0 ? low : low | 0x80);
    } while (rest !== 0);
    return this;
  }

  /** Signed LEB128 of a value in [−2^31, 2^31). */
  s32(value: number): this {
    if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) throw new RangeError(`s32 out of range: ${value}`);
    let rest = value | 0;
    for (;;) {
      const low = rest & 0x7f;
      rest >>= 7;
      const done = (rest === 0 && (low & 0x40) === 0) || (rest === -1 && (low & 0x40) !== 0);
      this.byte(done ? low : low | 0x80);
      if (done) return this;
    }
  }

  /** The eight little-endian bytes of an IEEE double (every bit kept, −0 and NaN payloads included). */
  f64(value: number): this {
    this.scratch.setFloat64(0, value, true);
    for (let i = 0; i < 8; i++) this.byte(this.scratch.getUint8(i));
    return this;
  }

  /** A UTF-8 name with its byte length in front. */
  name(text: string): this {
    const encoded = new TextEncoder().encode(text);
    return this.u32(encoded.length).bytes(encoded);
  }

  /** Another writer's bytes with their length in front (a section or a function body). */
  sized(inner: ByteWriter): this {
    return this.u32(inner.size).bytes(inner.finish());
  }

  finish(): Uint8Array<ArrayBuffer> {
    return this.buffer.slice(0, this.length);
  }

  private grow(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < this.length + extra) capacity *= 2;
    const next = new Uint8Array(capacity);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
}
