import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zipExpandedSize } from '../../api/services/xlsx-import/zip-expanded-size.ts';

describe('zipExpandedSize', () => {
  it('adds up the uncompressed sizes the directory states, whatever the compression', async () => {
    const zip = new JSZip();
    zip.file('a.xml', 'x'.repeat(100_000));
    zip.file('dir/b.xml', 'hello');
    zip.file('c.bin', new Uint8Array(12_345));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', comment: 'a comment at the end' });
    expect(bytes.length).toBeLessThan(2_000);
    expect(zipExpandedSize(bytes)).toBe(100_000 + 5 + 12_345);
  });

  it('is null for bytes without a directory, and Infinity for ZIP64 sizes', async () => {
    expect(zipExpandedSize(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]))).toBeNull();
    expect(zipExpandedSize(new Uint8Array(0))).toBeNull();
    const zip = new JSZip();
    zip.file('a.xml', 'x');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const end = bytes.length - 22;
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    view.setUint32(view.getUint32(end + 16, true) + 24, 0xffffffff, true);
    expect(zipExpandedSize(bytes)).toBe(Number.POSITIVE_INFINITY);
  });
});
