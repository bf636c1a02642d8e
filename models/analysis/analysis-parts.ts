/** One part's result: small values JSON-safe in `meta`, big columns in one `data` array. */
export interface AnalysisPart {
  meta: unknown;
  data?: Float64Array;
}

/** Units [first, last) of an analysis's work list. */
export interface UnitRange {
  first: number;
  last: number;
}

/**
 * An analysis whose work is a list of independent units in a fixed order (inputs for a
 * tornado, a spider or break-even searches; design blocks and matrices for Sobol; chunks for
 * a comparison). Any contiguous ranges of units, computed anywhere and combined in order,
 * give the whole analysis's result bit for bit: the whole analysis is itself one part and
 * a combine (`runWhole`), so there is one code path.
 */
export interface PartedAnalysis<Subject, Result> {
  /** Validates the request as the whole analysis does, and prices each unit in model rows evaluated. */
  units(subject: Subject): number[];
  /** The units in `range`, computed. */
  part(subject: Subject, range: UnitRange): AnalysisPart;
  /** The result from every unit's part, in unit order. */
  combine(subject: Subject, parts: AnalysisPart[]): Result;
}

/**
 * The whole analysis on this thread: every unit as one part, then the combine.
 *
 * @example
 * runWhole(tornadoParts, { model, settings: {} }).bars[0].input
 */
export function runWhole<Subject, Result>(parted: PartedAnalysis<Subject, Result>, subject: Subject): Result {
  const units = parted.units(subject);
  return parted.combine(subject, [parted.part(subject, { first: 0, last: units.length })]);
}

/**
 * Splits a unit list into contiguous shards of about `targetCost` model rows each, at most
 * `maxShards` of them and never more than the units: the count is ⌈total / targetCost⌉
 * (clamped), and each boundary falls where the running cost first reaches its share.
 *
 * @example
 * partitionUnits([10, 10, 10, 10], { targetCost: 20, maxShards: 64 }) // [{ first: 0, last: 2 }, { first: 2, last: 4 }]
 */
export function partitionUnits(costs: readonly number[], options: { targetCost: number; maxShards: number }): UnitRange[] {
  if (!(options.targetCost > 0)) throw new RangeError(`targetCost must be positive, got ${options.targetCost}`);
  if (!(Number.isInteger(options.maxShards) && options.maxShards >= 1)) throw new RangeError(`maxShards must be a positive integer, got ${options.maxShards}`);
  const units = costs.length;
  if (units === 0) return [{ first: 0, last: 0 }];
  const total = costs.reduce((sum, cost) => sum + cost, 0);
  const count = Math.max(1, Math.min(units, options.maxShards, Math.ceil(total / options.targetCost)));
  const ranges: UnitRange[] = [];
  let first = 0;
  let running = 0;
  for (let shard = 1; shard < count; shard++) {
    const share = (total * shard) / count;
    // At least one unit in this shard, and one left for each shard after it.
    let last = first + 1;
    running += costs[first];
    while (last < units - (count - shard) && running < share) running += costs[last++];
    ranges.push({ first, last });
    first = last;
  }
  ranges.push({ first, last: units });
  return ranges;
}

/**
 * Memoises what every step of a parted analysis builds from its subject (an evaluator, the
 * resolved settings), so the whole analysis builds it once.
 *
 * @example
 * const setupOf = memoBySubject((subject: TornadoSubject) => ({ evaluator: modelEvaluator(subject.model) }));
 */
export function memoBySubject<Subject extends object, Setup>(build: (subject: Subject) => Setup): (subject: Subject) => Setup {
  const cache = new WeakMap<Subject, Setup>();
  return (subject) => {
    let setup = cache.get(subject);
    if (!setup) {
      setup = build(subject);
      cache.set(subject, setup);
    }
    return setup;
  };
}
