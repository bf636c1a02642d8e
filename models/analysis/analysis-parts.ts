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

/** What a second stage is asked: the analysis's subject and the first stage's combined parts. */
export interface NextSubject<Subject> {
  subject: Subject;
  previous: AnalysisPart;
}

/**
 * An analysis in two stages, the second needing all of the first (Sobol's bootstrap
 * resamples every row of the design's outputs): the first stage's combine gives the
 * second's input, and the second stage's units, parts and combine give the result.
 */
export interface StagedAnalysis<Subject, Result> extends PartedAnalysis<Subject, AnalysisPart> {
  next: PartedAnalysis<NextSubject<Subject>, Result>;
}

/**
 * The whole analysis on this thread: every unit as one part, then the combine (and the
 * same for a second stage).
 *
 * @example
 * runWhole(tornadoParts, { model, settings: {} }).bars[0].input
 */
export function runWhole<Subject, Result>(parted: PartedAnalysis<Subject, Result> | StagedAnalysis<Subject, Result>, subject: Subject): Result {
  const units = parted.units(subject);
  const combined = parted.combine(subject, [parted.part(subject, { first: 0, last: units.length })]);
  if (!('next' in parted)) return combined as Result;
  return runWhole(parted.next, { subject, previous: combined as AnalysisPart });
}

/** One stage of an analysis: what it computes, what it is asked, and whether its combine gives the result. */
export interface AnalysisStage {
  analysis: PartedAnalysis<never, unknown>;
  subject: unknown;
  last: boolean;
}

/**
 * Stage 0 (the analysis itself) or stage 1 (its `next`, given the first stage's combined
 * `previous`) of an analysis.
 *
 * @example
 * const { analysis, subject, last } = analysisStage(sobolParts, { model, settings }, 1, combined);
 */
export function analysisStage(parted: PartedAnalysis<never, unknown>, subject: unknown, stage: number, previous?: AnalysisPart): AnalysisStage {
  const next = (parted as Partial<StagedAnalysis<never, unknown>>).next as PartedAnalysis<never, unknown> | undefined;
  if (stage === 0) return { analysis: parted, subject, last: !next };
  if (stage === 1 && next && previous) return { analysis: next, subject: { subject, previous }, last: true };
  throw new RangeError(`this analysis has no stage ${stage}${stage === 1 && next ? ' without the first stage combined' : ''}`);
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
