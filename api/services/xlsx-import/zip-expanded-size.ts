/*
 * Why: the body limit bounds the upload, not what it expands to. A few kilobytes of zip can
 * claim gigabytes of XML, which the workbook reader would try to hold in memory. The zip's
 * central directory states every entry's uncompressed size up front, so the total is known
 * before anything is inflated.
 */

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const END_SEARCH = 22 + 0xffff;

/**
 * The total uncompressed size the zip's central directory states (Infinity for ZIP64
 * sizes, which an exported workbook never needs), or null when the bytes have no readable
 * directory (the workbook reader then says what is wrong with them).
 *
 * @example
 * if ((zipExpandedSize(bytes) ?? Infinity) > MAX_EXPANDED_BYTES) throw new WorkbookError(413, …);
 */
export function zipExpandedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - END_SEARCH); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}
