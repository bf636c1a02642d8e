/** Where the Iman–Conover port keeps its arrays (byte addresses); `chunkSize` values per column. */
export interface ImanConoverLayout {
  /** sfc32 state, four i32 (the sampler's). */
  state: number;
  chunkSize: number;
  /** The chunk size's standard scores (iman-conover.ts `standardScores`), written by the caller. */
  base: number;
  /** n × k scores, row-major, as iman-conover.ts keeps them. */
  scores: number;
  /** The transformed scores, one column of chunkSize f64 per correlated input. */
  keys: number;
  bucketOf: number;
  /** chunkSize + 1 i32 per column. */
  starts: number;
  order: number;
  ranks: number;
  finalRanks: number;
  runRank: number;
  /** k × k f64: co-moments out (upper triangle), transform in, achieved Spearman out. */
  covariance: number;
  transform: number;
  achieved: number;
  /** k i32: byte address of each correlated input's column. */
  columns: number;
  /** Sorted draws of correlated input c at sorted + c · chunkSize · 8 (the sampler's). */
  sorted: number;
}
