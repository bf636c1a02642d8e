import type { SimulationResult } from '../../models/engine/assemble-result.ts';

/** At most this much released memory is kept for reuse. */
const MAX_SPARE_BYTES = 512 * 1024 * 1024;

/**
 * Shared-memory columns for split runs, recycled between runs. Shared memory is freed
 * only once every thread has garbage-collected its view of it, which can take many
 * runs; recycling keeps a long-lived process at one run's footprint.
 *
 * @example
 * const columns = new ColumnRecycler();
 * const values = columns.take(4096, true);
 * columns.release(result);
 */
export class ColumnRecycler {
  /** Released shared buffers by byte length, reused by later runs (see `release`). */
  private readonly spare = new Map<number, SharedArrayBuffer[]>();
  private spareBytes = 0;
  /** Buffers handed out here, so `release` ignores anything else. */
  private readonly issued = new WeakSet<SharedArrayBuffer>();

  /** A shared column of `length` values; `zeroed` when the run adds into it. */
  take(length: number, zeroed: boolean): Float64Array {
    const byteLength = length * 8;
    const reused = this.spare.get(byteLength)?.pop();
    let buffer: SharedArrayBuffer;
    if (reused) {
      this.spareBytes -= byteLength;
      buffer = reused;
    } else buffer = new SharedArrayBuffer(byteLength);
    this.issued.add(buffer);
    // Reused memory is cleared only where the run adds into it: clearing a 1M-trial run's
    // output columns took 10 ms on the calling thread before any worker could start.
    return reused && zeroed ? new Float64Array(buffer).fill(0) : new Float64Array(buffer);
  }

  /** Takes back a finished result's shared columns; its arrays must not be used afterwards. */
  release(result: SimulationResult): void {
    const columns = [...Object.values(result.outputs), ...Object.values(result.inputs ?? {}), result.fan.values];
    for (const column of columns) {
      const buffer = column.buffer;
      if (!(buffer instanceof SharedArrayBuffer) || !this.issued.has(buffer)) continue;
      if (this.spareBytes + buffer.byteLength > MAX_SPARE_BYTES) continue;
      this.issued.delete(buffer);
      const sameSize = this.spare.get(buffer.byteLength) ?? [];
      sameSize.push(buffer);
      this.spare.set(buffer.byteLength, sameSize);
      this.spareBytes += buffer.byteLength;
    }
  }
}
