// The reference model (test/bench/reference-model.json) written by hand as a tuned columnar
// loop, the way ../shared/notes/performance.md describes its prototype: PRNG state in loop
// locals, one column per input, 4096 trials per block, one exp per trial for the adoption
// curve and a multiply per month, NPV/ROI/discounted payback folded month by month. It
// imports nothing from models/, so the bench can set the general engine beside code that
// knows its model, measured in the same run on the same machine.
//
// Usage: node api/dist/hand-written-reference.mjs TRIALS REPEATS
//   prints {"measurement":"hand-written-reference", medianSimulateMs, medianWithSummaryMs, ...}

import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { median } from 'simple-statistics';

/** Trials per block: every input column is one block long. */
export const BLOCK_TRIALS = 4096;
const HORIZON_MONTHS = 60;
const DISCOUNT_RATE_ANNUAL = 0.1;
const ADOPTION_START_MONTH = 4;
const Z95 = 1.6448536269514722;
const INPUT_COUNT = 20;

/** The three output columns the reference model produces per trial. */
export interface ReferenceColumns {
  npv: Float64Array;
  roi: Float64Array;
  discountedPaybackMonth: Float64Array;
}

/** sfc32 state for one (seed, block, input) stream, mixed with murmur3's finaliser. */
function streamState(seed: number, block: number, input: number, state: Int32Array): void {
  const mix = (value: number): number => {
    let x = value | 0;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    return x ^ (x >>> 16);
  };
  let h = mix(mix(mix(seed ^ 0x9e3779b9) ^ block ^ 0x85157af5) ^ input ^ 0x1b873593);
  for (let i = 0; i < 4; i++) state[i] = h = mix((h + 0x9e3779b9) | 0);
  const warmUp = new Float64Array(16);
  fillUniform(state, warmUp, 16, 0, 1);
}

function fillUniform(state: Int32Array, out: Float64Array, n: number, min: number, max: number): void {
  let a = state[0],
    b = state[1],
    c = state[2],
    d = state[3];
  const width = max - min;
  for (let i = 0; i < n; i++) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    out[i] = min + width * (((t >>> 0) + 0.5) / 4294967296);
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}

/** Marsaglia's polar method, two normals per accepted pair, PRNG in locals. */
function fillNormal(state: Int32Array, out: Float64Array, n: number, mean: number, sd: number): void {
  let a = state[0],
    b = state[1],
    c = state[2],
    d = state[3];
  let i = 0;
  while (i < n) {
    let t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    const x = ((t >>> 0) + 0.5) / 2147483648 - 1;
    t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    const y = ((t >>> 0) + 0.5) / 2147483648 - 1;
    const s = x * x + y * y;
    if (s >= 1 || s === 0) continue;
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    out[i++] = mean + sd * x * f;
    if (i < n) out[i++] = mean + sd * y * f;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}

function fillLognormal90(state: Int32Array, out: Float64Array, n: number, p5: number, p95: number): void {
  const mu = (Math.log(p5) + Math.log(p95)) / 2;
  const sigma = (Math.log(p95) - Math.log(p5)) / (2 * Z95);
  fillNormal(state, out, n, mu, sigma);
  for (let i = 0; i < n; i++) out[i] = Math.exp(out[i]);
}

function fillTriangular(state: Int32Array, out: Float64Array, n: number, min: number, mode: number, max: number): void {
  fillUniform(state, out, n, 0, 1);
  const split = (mode - min) / (max - min);
  const left = (max - min) * (mode - min);
  const right = (max - min) * (max - mode);
  for (let i = 0; i < n; i++) {
    const u = out[i];
    out[i] = u < split ? min + Math.sqrt(u * left) : max - Math.sqrt((1 - u) * right);
  }
}

/** Gamma(shape ≥ 1) by Marsaglia and Tsang, normals by the polar method; PRNG in locals. */
function fillGamma(state: Int32Array, out: Float64Array, n: number, shape: number): void {
  let a = state[0],
    b = state[1],
    c = state[2],
    d = state[3];
  const dd = shape - 1 / 3;
  const cc = 1 / Math.sqrt(9 * dd);
  let spare = 0;
  let hasSpare = false;
  let i = 0;
  while (i < n) {
    let z: number;
    if (hasSpare) {
      z = spare;
      hasSpare = false;
    } else {
      let t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      const x = ((t >>> 0) + 0.5) / 2147483648 - 1;
      t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      const y = ((t >>> 0) + 0.5) / 2147483648 - 1;
      const s = x * x + y * y;
      if (s >= 1 || s === 0) continue;
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      z = x * f;
      spare = y * f;
      hasSpare = true;
    }
    let v = 1 + cc * z;
    if (v <= 0) continue;
    v = v * v * v;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    const u = ((t >>> 0) + 0.5) / 4294967296;
    const z2 = z * z;
    if (u < 1 - 0.0331 * z2 * z2 || Math.log(u) < 0.5 * z2 + dd * (1 - v + Math.log(v))) out[i++] = dd * v;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}

/** PERT(min, mode, max), lambda 4: min + (max − min)·Beta(α, β), Beta from two gammas. */
function fillPert(state: Int32Array, out: Float64Array, scratch: Float64Array, n: number, min: number, mode: number, max: number): void {
  const alpha = 1 + (4 * (mode - min)) / (max - min);
  const beta = 1 + (4 * (max - mode)) / (max - min);
  fillGamma(state, out, n, alpha);
  fillGamma(state, scratch, n, beta);
  for (let i = 0; i < n; i++) out[i] = min + (max - min) * (out[i] / (out[i] + scratch[i]));
}

/**
 * Block buffers, allocated once per thread.
 *
 * @example
 * const scratch = createBlockScratch();
 */
export function createBlockScratch() {
  return {
    state: new Int32Array(4),
    inputs: Array.from({ length: INPUT_COUNT }, () => new Float64Array(BLOCK_TRIALS)),
    gamma: new Float64Array(BLOCK_TRIALS),
    discountFactor: Float64Array.from({ length: HORIZON_MONTHS + 1 }, (_, m) => Math.pow(1 + DISCOUNT_RATE_ANNUAL, -m / 12)),
  };
}

/**
 * Simulates one block of the reference model into `out` at trial offset `block · 4096`.
 *
 * @example
 * simulateBlock(1, 0, 4096, createBlockScratch(), columns);
 */
export function simulateBlock(seed: number, block: number, trials: number, scratch: ReturnType<typeof createBlockScratch>, out: ReferenceColumns): void {
  const { state, inputs: x, gamma } = scratch;
  const draw = (input: number): Float64Array => {
    streamState(seed, block, input, state);
    return x[input];
  };
  fillLognormal90(state, draw(0), trials, 40000, 90000); // volumePerMonth
  fillTriangular(state, draw(1), trials, 1, 2, 4); // minutesSaved
  fillNormal(state, draw(2), trials, 45, 5); // hourlyCost
  fillPert(state, draw(3), gamma, trials, 0.3, 0.5, 0.8); // realization
  fillTriangular(state, draw(4), trials, 3, 6, 12); // monthsToHalfAdoption
  fillPert(state, draw(5), gamma, trials, 0.5, 0.75, 0.95); // adoptionCeiling
  fillUniform(state, draw(6), trials, 0.02, 0.06); // errorRate
  fillLognormal90(state, draw(7), trials, 20, 80); // errorCost
  fillPert(state, draw(8), gamma, trials, 0.1, 0.3, 0.5); // errorReduction
  fillLognormal90(state, draw(9), trials, 150000, 400000); // integrationCost
  fillTriangular(state, draw(10), trials, 50000, 90000, 200000); // dataCost
  fillTriangular(state, draw(11), trials, 20000, 35000, 70000); // securityCost
  fillPert(state, draw(12), gamma, trials, 30000, 50000, 90000); // trainingCost
  fillLognormal90(state, draw(13), trials, 0.01, 0.05); // inferenceCostPerCase
  fillTriangular(state, draw(14), trials, 2000, 3000, 6000); // monitoringMonthly
  fillPert(state, draw(15), gamma, trials, 3000, 5000, 9000); // maintenanceMonthly
  fillUniform(state, draw(16), trials, 1000, 4000); // governanceMonthly
  fillTriangular(state, draw(17), trials, 20, 40, 80); // managerHoursPerMonth
  fillNormal(state, draw(18), trials, 0.03, 0.02); // volumeGrowthAnnual
  fillUniform(state, draw(19), trials, 0.02, 0.05); // costEscalationAnnual

  const df = scratch.discountFactor;
  const offset = block * BLOCK_TRIALS;
  const ln99 = Math.log(99);
  for (let i = 0; i < trials; i++) {
    const halfMonths = Math.max(0.01, x[4][i]);
    const ceiling = Math.min(1, Math.max(0, x[5][i]));
    const k = ln99 / halfMonths;
    const stepDecay = Math.exp(-k);
    // exp(−k·(m − S − H)) at m = S, then one multiply per month.
    let decay = Math.exp(k * halfMonths);
    const benefitPerAdoptedCase = (x[1][i] / 60) * x[2][i] * x[3][i] + x[6][i] * x[8][i] * x[7][i];
    const costPerAdoptedCase = x[13][i];
    const volume = x[0][i];
    const volumeStep = Math.pow(1 + x[18][i], 1 / 12);
    const escalationStep = Math.pow(1 + x[19][i], 1 / 12);
    const monthlyFixed = x[14][i] + x[15][i] + x[16][i] + x[17][i] * 80;
    const month1 = x[10][i];
    const month2 = x[9][i] + x[11][i];
    const month3 = x[12][i];
    // Months 1–3 carry the one-time costs and no adoption; adoption starts in month 4.
    let escalation = 1;
    let pvBenefit = 0;
    let pvCost = (month1 + monthlyFixed) * df[1];
    escalation *= escalationStep;
    pvCost += (month2 + monthlyFixed * escalation) * df[2];
    escalation *= escalationStep;
    pvCost += (month3 + monthlyFixed * escalation) * df[3];
    escalation *= escalationStep;
    let lastNotPositive = 3;
    let growth = volumeStep * volumeStep * volumeStep;
    for (let m = ADOPTION_START_MONTH; m <= HORIZON_MONTHS; m++) {
      const adopted = (volume * growth * ceiling) / (1 + decay);
      decay *= stepDecay;
      const discount = df[m];
      pvBenefit += adopted * benefitPerAdoptedCase * discount;
      pvCost += (adopted * costPerAdoptedCase + monthlyFixed * escalation) * discount;
      if (pvBenefit <= pvCost) lastNotPositive = m;
      growth *= volumeStep;
      escalation *= escalationStep;
    }
    const npv = pvBenefit - pvCost;
    out.npv[offset + i] = npv;
    out.roi[offset + i] = npv / pvCost;
    out.discountedPaybackMonth[offset + i] = lastNotPositive === HORIZON_MONTHS ? Infinity : lastNotPositive + 1;
  }
}

/** Moments and type-7 percentiles of one column, by quickselect on the column in place. */
export interface ReferenceSummary {
  mean: number;
  sd: number;
  p5: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
  shareAboveZero: number;
}

/**
 * Floyd–Rivest selection (CACM algorithm 489): values[k] becomes the k-th smallest of
 * [from, to]. A sample narrows the range first, so it needs about n + o(n) comparisons.
 */
function select(values: Float64Array, k: number, from: number, to: number): void {
  let left = from;
  let right = to;
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const i = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i - n / 2 < 0 ? -1 : 1);
      select(values, k, Math.max(left, Math.floor(k - (i * s) / n + sd)), Math.min(right, Math.floor(k + ((n - i) * s) / n + sd)));
    }
    const pivot = values[k];
    let i = left;
    let j = right;
    let t = values[left];
    values[left] = values[k];
    values[k] = t;
    if (values[right] > pivot) {
      t = values[left];
      values[left] = values[right];
      values[right] = t;
    }
    while (i < j) {
      t = values[i];
      values[i] = values[j];
      values[j] = t;
      i++;
      j--;
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
    }
    if (values[left] === pivot) {
      t = values[left];
      values[left] = values[j];
      values[j] = t;
    } else {
      j++;
      t = values[j];
      values[j] = values[right];
      values[right] = t;
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/** Puts every rank of `ranks[first..last]` (ascending) in place: the middle one first, then each side within its part. */
function selectRanks(values: Float64Array, ranks: number[], first: number, last: number, from: number, to: number): void {
  if (first > last) return;
  const middle = (first + last) >> 1;
  const k = ranks[middle];
  select(values, k, from, to);
  selectRanks(values, ranks, first, middle - 1, from, k - 1);
  selectRanks(values, ranks, middle + 1, last, k + 1, to);
}

const SUMMARY_PROBABILITIES = [0.05, 0.1, 0.5, 0.9, 0.95];

/**
 * Summarises a column (reorders it): mean, sd, p5/p10/p50/p90/p95 (type 7) and P(value > 0).
 * +Infinity (payback beyond the horizon) ranks last and is left out of the moments.
 *
 * @example
 * summarizeColumn(Float64Array.of(3, 1, 2)).p50 // 2
 */
export function summarizeColumn(values: Float64Array): ReferenceSummary {
  const n = values.length;
  let sum = 0;
  let above = 0;
  let finite = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v > 0) above++;
    if (v !== Infinity) {
      sum += v;
      finite++;
    }
  }
  const mean = sum / finite;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== Infinity) squares += (v - mean) * (v - mean);
  }
  const ranks = [...new Set(SUMMARY_PROBABILITIES.flatMap((p) => [Math.floor((n - 1) * p), Math.min(n - 1, Math.floor((n - 1) * p) + 1)]))];
  selectRanks(values, ranks, 0, ranks.length - 1, 0, n - 1);
  const [p5, p10, p50, p90, p95] = SUMMARY_PROBABILITIES.map((p) => {
    const h = (n - 1) * p;
    const k = Math.floor(h);
    return k + 1 < n ? values[k] + (h - k) * (values[k + 1] - values[k]) : values[k];
  });
  return { mean, sd: Math.sqrt(squares / (finite - 1)), p5, p10, p50, p90, p95, shareAboveZero: above / n };
}

type WorkerMessage =
  | { kind: 'simulate'; seed: number; trials: number; firstBlock: number; blockStride: number; buffers: SharedArrayBuffer[] }
  | { kind: 'summarize'; buffer: SharedArrayBuffer; trials: number };

if (!isMainThread && parentPort) {
  const port = parentPort;
  const scratch = createBlockScratch();
  port.on('message', (message: WorkerMessage) => {
    if (message.kind === 'simulate') {
      const [npv, roi, payback] = message.buffers.map((buffer) => new Float64Array(buffer, 0, message.trials));
      const blocks = Math.ceil(message.trials / BLOCK_TRIALS);
      for (let block = message.firstBlock; block < blocks; block += message.blockStride) {
        const trials = Math.min(BLOCK_TRIALS, message.trials - block * BLOCK_TRIALS);
        simulateBlock(message.seed, block, trials, scratch, { npv, roi, discountedPaybackMonth: payback });
      }
      port.postMessage(null);
    } else {
      port.postMessage(summarizeColumn(new Float64Array(message.buffer, 0, message.trials)));
    }
  });
}

async function main(): Promise<void> {
  const [trialsText, repeatsText] = process.argv.slice(2);
  const trials = Number(trialsText);
  const repeats = Number(repeatsText);
  const workers = [0, 1].map(() => new Worker(new URL(import.meta.url)));
  // One request at a time per worker: each worker's next reply answers its oldest request.
  const waiting = workers.map(() => [] as ((value: unknown) => void)[]);
  workers.forEach((worker, index) => {
    worker.on('message', (value) => waiting[index].shift()?.(value));
    worker.on('error', (error) => {
      throw error;
    });
  });
  const call = <T>(worker: Worker, message: WorkerMessage): Promise<T> =>
    new Promise((resolve) => {
      waiting[workers.indexOf(worker)].push(resolve as (value: unknown) => void);
      worker.postMessage(message);
    });
  const buffers = [0, 1, 2].map(() => new SharedArrayBuffer(trials * 8));
  const run = async (seed: number, n: number) => {
    const start = performance.now();
    await Promise.all(workers.map((worker, index) => call(worker, { kind: 'simulate', seed, trials: n, firstBlock: index, blockStride: 2, buffers })));
    const simulated = performance.now();
    // Three columns on two threads: NPV on one, ROI then payback on the other.
    const summarize = (worker: Worker, column: number) => call<ReferenceSummary>(worker, { kind: 'summarize', buffer: buffers[column], trials: n });
    const [npv] = await Promise.all([summarize(workers[0], 0), summarize(workers[1], 1).then(() => summarize(workers[1], 2))]);
    return { simulateMs: simulated - start, totalMs: performance.now() - start, npv };
  };
  await run(99, Math.min(trials, 200_000));
  const simulateMs: number[] = [];
  const totalMs: number[] = [];
  let npvMean = 0;
  for (let r = 0; r < repeats; r++) {
    const timing = await run(r + 1, trials);
    simulateMs.push(timing.simulateMs);
    totalMs.push(timing.totalMs);
    npvMean = timing.npv.mean;
  }
  await Promise.all(workers.map((worker) => worker.terminate()));
  process.stdout.write(
    JSON.stringify({
      measurement: 'hand-written-reference',
      trials,
      repeats,
      threads: 2,
      medianSimulateMs: +median(simulateMs).toFixed(1),
      medianWithSummaryMs: +median(totalMs).toFixed(1),
      lastNpvMean: +npvMean.toFixed(0),
    }) + '\n',
  );
}

// Runs only as the bundled script, not when a test imports the functions above.
if (isMainThread && process.argv[1]?.endsWith('hand-written-reference.mjs') && new URL(import.meta.url).pathname === process.argv[1]) await main();
