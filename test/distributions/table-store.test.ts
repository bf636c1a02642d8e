import { afterEach, describe, expect, it } from 'vitest';
import { createDistribution } from '../../models/distributions/create-distribution.ts';
import { BetaQuantileTable } from '../../models/distributions/beta-quantile-table.ts';
import { decodeTableParts, encodeTableParts } from '../../models/distributions/table-bytes.ts';
import { setTableStore, storedTable, type TableStore } from '../../models/distributions/table-store.ts';

/** An in-memory store that records what the engine asked of it. */
function memoryStore(): TableStore & { files: Map<string, Uint8Array>; reads: string[] } {
  const files = new Map<string, Uint8Array>();
  const reads: string[] = [];
  return {
    files,
    reads,
    read: (key) => (reads.push(key), files.get(key)),
    write: (key, bytes) => void files.set(key, bytes),
  };
}

const grid = (): Float64Array => Float64Array.from({ length: 20_001 }, (_, i) => (i === 0 ? 1e-300 : i === 20_000 ? 1 - 2 ** -53 : i / 20_000));

afterEach(() => setTableStore(null));

describe('table store', () => {
  it('builds without a store, exactly as before', () => {
    let builds = 0;
    expect(storedTable('k', () => (builds++, [Float64Array.of(1)]))![0][0]).toBe(1);
    expect(builds).toBe(1);
  });

  it('keeps a built table, then serves it without building', () => {
    const store = memoryStore();
    setTableStore(store);
    let builds = 0;
    const build = () => (builds++, [Float64Array.of(4, 5)]);
    storedTable('shape', build);
    expect(Array.from(storedTable('shape', build)![0])).toEqual([4, 5]);
    expect(builds).toBe(1);
    // "No table for this shape" is an answer worth keeping too.
    storedTable('none', () => (builds++, null));
    expect(storedTable('none', () => (builds++, null))).toBeNull();
    expect(builds).toBe(2);
  });

  it('rebuilds (and rewrites) a damaged copy, and runs on when the store fails', () => {
    const store = memoryStore();
    setTableStore(store);
    storedTable('shape', () => [Float64Array.of(4, 5)]);
    const damaged = store.files.get('shape')!.slice();
    damaged[damaged.length - 1] ^= 1;
    store.files.set('shape', damaged);
    expect(Array.from(storedTable('shape', () => [Float64Array.of(4, 5)])![0])).toEqual([4, 5]);
    expect(decodeTableParts(store.files.get('shape')!)).not.toBeNull();
    setTableStore({
      read: () => {
        throw new Error('disk gone');
      },
      write: () => {
        throw new Error('disk full');
      },
    });
    expect(Array.from(storedTable('other', () => [Float64Array.of(6)])![0])).toEqual([6]);
  });

  it('gives a Beta table read back the bits of a fresh build, over the whole range and both tails', () => {
    const [alpha, beta] = [2.318_274_5, 4.917_363_1];
    const store = memoryStore();
    setTableStore(store);
    // A PERT input of a shape no other test builds, so the thread's own cache does not answer first.
    const pert = createDistribution({ type: 'pert', min: 10, mode: 10 + (90 * (alpha - 1)) / (alpha + beta - 2), max: 100 });
    pert.fillFromUniforms(grid(), new Float64Array(20_001), 20_001, true);
    const key = [...store.files.keys()].find((name) => name.startsWith('beta/'))!;
    const [storedAlpha, storedBeta] = key.split('/').slice(1).map(Number);
    const parts = decodeTableParts(store.files.get(key)!)!;
    const fresh = new Float64Array(20_001);
    const fromStore = new Float64Array(20_001);
    new BetaQuantileTable(storedAlpha, storedBeta).fill(grid(), fresh, 20_001, 0, 1);
    new BetaQuantileTable(storedAlpha, storedBeta, parts).fill(grid(), fromStore, 20_001, 0, 1);
    expect(Buffer.from(fromStore.buffer).equals(Buffer.from(fresh.buffer))).toBe(true);
  });

  it('continues a snapshot of any shape (U-shaped, J-shaped, no central table) with the bits of a fresh table', () => {
    for (const [alpha, beta] of [
      [0.4, 0.6],
      [0.8, 7],
      [30, 2],
      [1, 1],
    ]) {
      const table = new BetaQuantileTable(alpha, beta);
      table.buildOut(20);
      const restored = new BetaQuantileTable(alpha, beta, decodeTableParts(encodeTableParts(table.snapshot()))!);
      const fresh = new Float64Array(20_001);
      const continued = new Float64Array(20_001);
      new BetaQuantileTable(alpha, beta).fill(grid(), fresh, 20_001, 3, 4);
      restored.fill(grid(), continued, 20_001, 3, 4);
      expect(Buffer.from(continued.buffer).equals(Buffer.from(fresh.buffer)), `Beta(${alpha}, ${beta})`).toBe(true);
    }
  });

  it('ignores a snapshot of another shape or layout and builds its own', () => {
    const u = Float64Array.from({ length: 101 }, (_, i) => (i + 0.5) / 101);
    const fresh = new Float64Array(101);
    new BetaQuantileTable(3, 5).fill(u, fresh, 101, 0, 1);
    for (const parts of [new BetaQuantileTable(3, 5.5).snapshot(), [new Float64Array(12)], new BetaQuantileTable(3, 5).snapshot().slice(0, 4)]) {
      const given = new Float64Array(101);
      new BetaQuantileTable(3, 5, parts).fill(u, given, 101, 0, 1);
      expect(Array.from(given)).toEqual(Array.from(fresh));
    }
  });
});
