/** Below this many values a comparator sort of indices beats the radix sort's fixed cost. */
const RADIX_MIN = 2048;

/**
 * Ranks 1..m of a column, ties getting the average of the ranks they span (the ranking
 * used by Spearman's correlation). NaN values get rank NaN and are left out of the
 * ranking (m counts the non-NaN values); −0 and +0 tie.
 *
 * Allocation-conscious: the values are sorted once as indices by an LSD radix sort on the
 * order-preserving 64-bit image of each double (4 passes of 16 bits over Uint32Arrays,
 * skipping passes where all values share the digit), so no comparator runs per pair.
 * Pass `out` (length n) to reuse a buffer.
 *
 * @example
 * rank(new Float64Array([10, 30, 20, 20])); // Float64Array [1, 4, 2.5, 2.5]
 */
export function rank(values: Float64Array, out?: Float64Array): Float64Array {
  const n = values.length;
  const result = out ?? new Float64Array(n);
  if (result.length !== n) throw new RangeError(`rank: out has length ${result.length}, expected ${n}`);
  const order = sortedOrder(values);
  const m = order.length;
  if (m < n) result.fill(Number.NaN);
  let i = 0;
  while (i < m) {
    const x = values[order[i]];
    let j = i + 1;
    while (j < m && values[order[j]] === x) j++;
    const r = (i + 1 + j) / 2;
    for (let t = i; t < j; t++) result[order[t]] = r;
    i = j;
  }
  return result;
}

/** Indices of the non-NaN values in ascending value order. */
function sortedOrder(values: Float64Array): Uint32Array {
  const n = values.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (values[i] === values[i]) m++;
  let idx = new Uint32Array(m);
  if (m < RADIX_MIN) {
    for (let i = 0, w = 0; i < n; i++) if (values[i] === values[i]) idx[w++] = i;
    return idx.sort((a, b) => {
      const x = values[a];
      const y = values[b];
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
  // Order-preserving unsigned image of each double: flip all bits of negatives, set the
  // sign bit of positives. Little-endian halves are read through a Float64Array view.
  const scratch = new Float64Array(1);
  const bits = new Uint32Array(scratch.buffer);
  const hostLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const LO = hostLittleEndian ? 0 : 1;
  const HI = 1 - LO;
  let hiK = new Uint32Array(m);
  let loK = new Uint32Array(m);
  const hist = new Uint32Array(4 * 65536);
  for (let i = 0, w = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    scratch[0] = v === 0 ? 0 : v;
    let lo = bits[LO];
    let hi = bits[HI];
    if (hi & 0x80000000) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else hi = (hi | 0x80000000) >>> 0;
    hiK[w] = hi;
    loK[w] = lo;
    idx[w++] = i;
    hist[lo & 0xffff]++;
    hist[65536 + (lo >>> 16)]++;
    hist[131072 + (hi & 0xffff)]++;
    hist[196608 + (hi >>> 16)]++;
  }
  let hiT = new Uint32Array(m);
  let loT = new Uint32Array(m);
  let idxT = new Uint32Array(m);
  for (let pass = 0; pass < 4; pass++) {
    const off = pass * 65536;
    let trivial = false;
    for (let b = 0; b < 65536; b++) {
      const c = hist[off + b];
      if (c === m) trivial = true;
      if (c !== 0) break;
    }
    if (trivial) continue;
    let sum = 0;
    for (let b = 0; b < 65536; b++) {
      const c = hist[off + b];
      hist[off + b] = sum;
      sum += c;
    }
    const shift = (pass & 1) * 16;
    if (pass < 2) {
      for (let i = 0; i < m; i++) {
        const d = hist[off + ((loK[i] >>> shift) & 0xffff)]++;
        hiT[d] = hiK[i];
        loT[d] = loK[i];
        idxT[d] = idx[i];
      }
      const t = loK;
      loK = loT;
      loT = t;
    } else {
      for (let i = 0; i < m; i++) {
        const d = hist[off + ((hiK[i] >>> shift) & 0xffff)]++;
        hiT[d] = hiK[i];
        idxT[d] = idx[i];
      }
    }
    let t = hiK;
    hiK = hiT;
    hiT = t;
    t = idx;
    idx = idxT;
    idxT = t;
  }
  return idx;
}
