const floatView = new Float32Array(1);
const bitsView = new Uint32Array(floatView.buffer);

/** Reusable buffers for `radixArgsort`, sized for at least n elements. */
export interface ArgsortScratch {
  keys: Uint32Array;
  keysTemp: Uint32Array;
  orderTemp: Uint32Array;
  counts: Uint32Array;
}

/**
 * Scratch for sorting up to `capacity` values.
 *
 * @example
 * const scratch = argsortScratch(4096);
 */
export function argsortScratch(capacity: number): ArgsortScratch {
  return {
    keys: new Uint32Array(capacity),
    keysTemp: new Uint32Array(capacity),
    orderTemp: new Uint32Array(capacity),
    counts: new Uint32Array(256),
  };
}

/**
 * Writes into `order` the indices of values[0..n) in ascending order, by a stable
 * 4-pass 8-bit LSD radix sort on each value's order-preserving float32 image.
 * Values that share a float32 image are then ordered exactly by their float64 value
 * (ties keep index order), so the result is an exact stable argsort. NaN is not expected.
 *
 * @example
 * radixArgsort(values, n, order, scratch);
 */
export function radixArgsort(values: Float64Array, n: number, order: Uint32Array, scratch: ArgsortScratch): void {
  let keys = scratch.keys;
  let keysTemp = scratch.keysTemp;
  let source = order;
  let target = scratch.orderTemp;
  const counts = scratch.counts;
  for (let i = 0; i < n; i++) {
    floatView[0] = values[i];
    const bits = bitsView[0];
    keys[i] = bits & 0x80000000 ? ~bits >>> 0 : (bits | 0x80000000) >>> 0;
    source[i] = i;
  }
  for (let shift = 0; shift < 32; shift += 8) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & 255]++;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const count = counts[b];
      counts[b] = sum;
      sum += count;
    }
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      const position = counts[(key >>> shift) & 255]++;
      keysTemp[position] = key;
      target[position] = source[i];
    }
    const swapKeys = keys;
    keys = keysTemp;
    keysTemp = swapKeys;
    const swapOrder = source;
    source = target;
    target = swapOrder;
  }
  // After an even number of passes the sorted indices and keys are back in `order` and `keys`.
  // Values that share a float32 key are put in exact float64 order (such runs are short).
  for (let i = 1; i < n; i++) {
    if (keys[i] !== keys[i - 1]) continue;
    const index = order[i];
    const value = values[index];
    let j = i - 1;
    while (j >= 0 && keys[j] === keys[i] && values[order[j]] > value) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = index;
  }
}
