import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { partitionUnits, runWhole, type AnalysisPart, type PartedAnalysis, type StagedAnalysis, type UnitRange } from '../../models/analysis/analysis-parts.ts';
import { breakEvenParts } from '../../models/analysis/break-even-analysis.ts';
import { compareParts } from '../../models/analysis/compare-cases.ts';
import { sobolParts } from '../../models/analysis/sobol-analysis.ts';
import { spiderParts } from '../../models/analysis/spider-analysis.ts';
import { tornadoParts } from '../../models/analysis/tornado-analysis.ts';
import { decodeQueued, encodeQueued } from '../../api/queue/queued-json.ts';
import { parseCase } from '../../models/compile/validate-case.ts';
import { evaluateSobolUnits, skipSobolDesign, sobolDesign, sobolFromEvaluations, sobolIndices } from '../../models/sensitivity/sobol.ts';
import { mulberry32 } from '../helpers/mulberry32.ts';
import { rareEventCase } from '../helpers/rare-event-case.ts';

// An analysis split into parts (queue mode's shards, computed on other machines) must equal the whole analysis bit
// for bit: every figure is compared as text of its exact value (encodeQueued keeps NaN, ±Infinity and -0).

describe('partitionUnits', () => {
  it('cuts the units into about targetCost rows each, contiguous, in order', () => {
    expect(partitionUnits([10, 10, 10, 10], { targetCost: 20, maxShards: 64 })).toEqual([
      { first: 0, last: 2 },
      { first: 2, last: 4 },
    ]);
    // ⌈60 / 25⌉ = 3 shards; boundaries where the running cost first reaches 20 and 40.
    expect(partitionUnits([10, 10, 10, 10, 10, 10], { targetCost: 25, maxShards: 64 })).toEqual([
      { first: 0, last: 2 },
      { first: 2, last: 4 },
      { first: 4, last: 6 },
    ]);
  });
  it('keeps uneven units whole and gives every shard at least one', () => {
    expect(partitionUnits([100, 1, 1, 1], { targetCost: 26, maxShards: 64 })).toEqual([
      { first: 0, last: 1 },
      { first: 1, last: 2 },
      { first: 2, last: 3 },
      { first: 3, last: 4 },
    ]);
  });
  it('never makes more shards than units or maxShards, nor fewer than one', () => {
    expect(partitionUnits([5, 5, 5], { targetCost: 1, maxShards: 64 })).toHaveLength(3);
    expect(partitionUnits(new Array(100).fill(1), { targetCost: 1, maxShards: 8 })).toHaveLength(8);
    expect(partitionUnits([0, 0], { targetCost: 1, maxShards: 8 })).toEqual([{ first: 0, last: 2 }]);
    expect(partitionUnits([], { targetCost: 1, maxShards: 8 })).toEqual([{ first: 0, last: 0 }]);
  });
  it('refuses a target or a bound that cannot be met', () => {
    expect(() => partitionUnits([1], { targetCost: 0, maxShards: 1 })).toThrow(/targetCost/);
    expect(() => partitionUnits([1], { targetCost: 1, maxShards: 0 })).toThrow(/maxShards/);
  });
});

/** A part as a queue worker stores it and another reads it back: meta as text, data as bytes. */
function stored(part: AnalysisPart): AnalysisPart {
  const meta = decodeQueued(encodeQueued(part.meta));
  if (!part.data) return { meta };
  const bytes = Buffer.from(part.data.buffer, part.data.byteOffset, part.data.byteLength);
  return { meta, data: new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) };
}

/**
 * The analysis computed in the ranges `cut` gives for its units (each part on a fresh subject, as on another
 * machine), stored and combined; a second stage (Sobol's bootstrap) is cut the same way.
 */
function inParts(parted: PartedAnalysis<never, unknown>, subject: () => unknown, cut: (units: number) => UnitRange[]): unknown {
  const units = parted.units(subject() as never).length;
  const parts = cut(units).map((range) => stored(parted.part(subject() as never, range)));
  const combined = parted.combine(subject() as never, parts);
  const next = (parted as Partial<StagedAnalysis<never, unknown>>).next;
  if (!next) return combined;
  const previous = stored(combined as AnalysisPart);
  return inParts(next as PartedAnalysis<never, unknown>, () => ({ subject: subject(), previous }), cut);
}

/** Cuts of n units: whole, each unit alone, two halves, and uneven cuts from a seeded source. */
const CUTS: Array<(n: number) => UnitRange[]> = [0, 1, 2, 3].map((which) => (n) => partitions(n)[which]);

/** Partitions of n units: whole, each unit alone, two halves, and uneven cuts from a seeded source. */
function partitions(n: number): UnitRange[][] {
  const random = mulberry32(n);
  const uneven: UnitRange[] = [];
  for (let first = 0; first < n; ) {
    const last = Math.min(n, first + 1 + Math.floor(random() * 3));
    uneven.push({ first, last });
    first = last;
  }
  return [
    [{ first: 0, last: n }],
    Array.from({ length: n }, (_, unit) => ({ first: unit, last: unit + 1 })),
    [
      { first: 0, last: Math.floor(n / 2) },
      { first: Math.floor(n / 2), last: n },
    ],
    uneven,
  ];
}

const models = new Map<string, ReturnType<typeof parseCase>['model']>();
/** A fixture's compiled model (compiled once; each subject still builds its own evaluator, as another machine would). */
function fixture(name: string) {
  if (!models.has(name)) models.set(name, parseCase(JSON.parse(readFileSync(`fixtures/${name}.json`, 'utf8'))).model);
  return models.get(name)!;
}

// Sobol over one design block here (every one of its k + 2 model calls alone is a part); cuts across blocks are
// checked on a small model below, where a block's draws are cheaper to repeat.
describe.each([
  ['contact-center-assistant', 700],
  ['document-processing', 600],
])('%s: every split equals the whole analysis', (name, baseSamples) => {
  const cases: Array<[string, PartedAnalysis<never, unknown>, () => object]> = [
    ['tornado', tornadoParts as never, () => ({ model: fixture(name), settings: { lowPercentile: 0.05, highPercentile: 0.95 } })],
    ['spider', spiderParts as never, () => ({ model: fixture(name), settings: { output: 'roi' } })],
    ['breakeven', breakEvenParts as never, () => ({ model: fixture(name), settings: { seed: 7, trials: 500 } })],
    ['sobol', sobolParts as never, () => ({ model: fixture(name), settings: { baseSamples, seed: 3, bootstrapResamples: 20 } })],
    [
      'compare',
      compareParts as never,
      () => ({ a: fixture(name), b: fixture('supplier-email-triage'), settings: { trials: 20_000, seed: 11 }, output: 'npv' }),
    ],
  ];
  it.each(cases)('%s', (_kind, parted, subject) => {
    const whole = encodeQueued(runWhole(parted, subject() as never));
    const units = parted.units(subject() as never).length;
    expect(units).toBeGreaterThan(1);
    for (const cut of CUTS) expect(encodeQueued(inParts(parted, subject, cut))).toBe(whole);
  });
});

describe('Sobol in parts', () => {
  const inputs = [(p: number) => p, (p: number) => 3 * p, (p: number) => (p > 0.99995 ? 1 : 0)];
  const model = (x: readonly Float64Array[], n: number) => Float64Array.from({ length: n }, (_, j) => x[0][j] + x[1][j] + 1000 * x[2][j]);
  const options = (seed: number) => ({ inputs, baseSamples: 20_000, blockSize: 8192, model, rng: mulberry32(seed) });

  it('gives the indices, the pooled variance and the unvaried inputs of sobolIndices, for every cut of the design', () => {
    for (const seed of [1, 2]) {
      const whole = sobolIndices(options(seed));
      const design = sobolDesign(options(seed));
      expect(design.units).toBe(3 * 5);
      for (const ranges of partitions(design.units)) {
        const parts = ranges.map((range) => evaluateSobolUnits(options(seed), range));
        const fresh = options(seed);
        const result = sobolFromEvaluations(fresh, parts, skipSobolDesign(fresh.rng, design));
        expect(encodeQueued(result)).toBe(encodeQueued(whole));
      }
    }
  });

  it('still names a rare event drawn in only one block (it varied there, and only there)', () => {
    // Seeds where the p = 0.00005 event is drawn at least once in 40,000 rows, and where it is not.
    const found = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => sobolIndices(options(seed)).unvaried.includes(2));
    expect(found).toContain(true);
    expect(found).toContain(false);
  });

  it('refuses parts that leave units out', () => {
    const design = sobolDesign(options(1));
    const parts = [evaluateSobolUnits(options(1), { first: 0, last: 4 }), evaluateSobolUnits(options(1), { first: 5, last: design.units })];
    const fresh = options(1);
    expect(() => sobolFromEvaluations(fresh, parts, fresh.rng)).toThrow(/leave out units 4 to 4/);
  });
});

describe('a rare event in parts', () => {
  it('the Sobol warning and the tornado warning come out of the split analysis as out of the whole', () => {
    const model = () => parseCase(rareEventCase(0.00001)).model;
    for (const [parted, settings] of [
      [sobolParts, { baseSamples: 1024, seed: 1 }],
      [tornadoParts, {}],
    ] as const) {
      const subject = () => ({ model: model(), settings });
      const whole = runWhole(parted as PartedAnalysis<never, unknown>, subject() as never);
      const split = inParts(parted as PartedAnalysis<never, unknown>, subject, CUTS[1]);
      expect(encodeQueued(split)).toBe(encodeQueued(whole));
      expect((whole as { warnings: string[] }).warnings.length).toBeGreaterThan(0);
    }
  });
});
