/*
 * Why: built quantile tables are plain typed arrays, and a process that meets the same
 * shapes again (the CLI, run after run on one case) can read them back instead of
 * rebuilding them. The bytes carry a checksum so a truncated or damaged copy is refused,
 * never used: a table read back must have the bits a fresh build gives.
 */

/** The typed arrays a table is made of, in its own order. */
export type TableParts = readonly (Float64Array | Int32Array)[];

const MAGIC = 0x56475442; // "VGTB"
const KIND_FLOAT64 = 1;
const KIND_INT32 = 2;
/** Per part: kind, element count. Then the parts, each starting on an 8-byte boundary. */
const HEADER_WORDS = 4;

/**
 * Packs table parts into one buffer: magic, part count, checksum, byte length, then per
 * part its kind and length, then the data.
 *
 * @example
 * const bytes = encodeTableParts([Float64Array.of(1, 2), Int32Array.of(3)]);
 * decodeTableParts(bytes); // [Float64Array [1, 2], Int32Array [3]]
 */
export function encodeTableParts(parts: TableParts): Uint8Array {
  const directoryWords = HEADER_WORDS + 2 * parts.length;
  let offset = align8(directoryWords * 4);
  const offsets = parts.map((part) => {
    const at = offset;
    offset = align8(offset + part.byteLength);
    return at;
  });
  const bytes = new Uint8Array(offset);
  const words = new Uint32Array(bytes.buffer, 0, directoryWords);
  words[0] = MAGIC;
  words[1] = parts.length;
  words[3] = offset;
  parts.forEach((part, i) => {
    words[HEADER_WORDS + 2 * i] = part instanceof Float64Array ? KIND_FLOAT64 : KIND_INT32;
    words[HEADER_WORDS + 2 * i + 1] = part.length;
    bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), offsets[i]);
  });
  words[2] = checksum(bytes);
  return bytes;
}

/**
 * The parts packed by encodeTableParts, or null when the bytes are not such a buffer or
 * fail their checksum. The arrays are fresh copies, independent of `bytes`.
 *
 * @example
 * decodeTableParts(new Uint8Array(3)); // null
 */
export function decodeTableParts(bytes: Uint8Array): (Float64Array | Int32Array)[] | null {
  if (bytes.byteLength < HEADER_WORDS * 4 || bytes.byteLength % 8 !== 0) return null;
  const own = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const header = new Uint32Array(own.buffer, own.byteOffset, HEADER_WORDS);
  const count = header[1];
  if (header[0] !== MAGIC || header[3] !== own.byteLength || count > 1024) return null;
  const directoryWords = HEADER_WORDS + 2 * count;
  if (directoryWords * 4 > own.byteLength) return null;
  const stored = header[2];
  const directory = new Uint32Array(own.buffer, own.byteOffset, directoryWords);
  if (checksum(own) !== stored) return null;
  const parts: (Float64Array | Int32Array)[] = [];
  let offset = align8(directoryWords * 4);
  for (let i = 0; i < count; i++) {
    const kind = directory[HEADER_WORDS + 2 * i];
    const length = directory[HEADER_WORDS + 2 * i + 1];
    const width = kind === KIND_FLOAT64 ? 8 : kind === KIND_INT32 ? 4 : 0;
    if (width === 0 || offset + length * width > own.byteLength) return null;
    const view = new Uint8Array(own.buffer, own.byteOffset + offset, length * width).slice();
    parts.push(kind === KIND_FLOAT64 ? new Float64Array(view.buffer) : new Int32Array(view.buffer));
    offset = align8(offset + length * width);
  }
  return offset === own.byteLength ? parts : null;
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

/** FNV-1a over 32-bit words, the checksum's own word read as 0: cheap, and any flipped or missing byte changes it. */
function checksum(bytes: Uint8Array): number {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
  let hash = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ (i === 2 ? 0 : words[i]), 0x01000193) >>> 0;
  return hash;
}
