import type { Distribution } from '../distributions/distribution.ts';
import type { DistributionSpec } from '../distributions/spec.ts';
import { buildStratumQuantileTable, type QuantileColumn, type StratumQuantileTable } from '../sampling/stratum-quantile-table.ts';
import { storedTable } from '../distributions/table-store.ts';
import { CHUNK_SIZE } from './simulation-env.ts';

/** Tables depend only on the spec; an edited case rebuilds only the inputs that changed. */
const tableCache = new Map<string, StratumQuantileTable | null>();
const TABLE_CACHE_LIMIT = 128;

/**
 * The per-stratum quantile table a full Latin Hypercube chunk samples this input from,
 * or null when the input has point masses (fixed, bernoulli, discrete), whose step
 * quantile a cubic cannot follow, or when cubics fit too few strata to pay. Built on
 * first use (1–7 ms on the fixtures, on top of any Beta table it reads) and shared by
 * every run in this thread.
 *
 * @example
 * const table = stratumTable(spec, distribution, (p, out, n) => distribution.fillFromUniforms(p, out, n, true));
 */
export function stratumTable(spec: DistributionSpec, distribution: Distribution, quantiles: QuantileColumn): StratumQuantileTable | null {
  if (distribution.discrete) return null;
  const key = JSON.stringify(spec);
  let table = tableCache.get(key);
  if (table !== undefined) tableCache.delete(key);
  else table = storedStratumTable(key, () => buildStratumQuantileTable(quantiles, CHUNK_SIZE, [distribution.inv(0), distribution.inv(1)]));
  tableCache.set(key, table);
  if (tableCache.size > TABLE_CACHE_LIMIT) tableCache.delete(tableCache.keys().next().value!);
  return table;
}

/** The table through the host's table store, if it lent one (see setTableStore). */
function storedStratumTable(specKey: string, build: () => StratumQuantileTable | null): StratumQuantileTable | null {
  const parts = storedTable(`stratum/${CHUNK_SIZE}/${specKey}`, () => {
    const table = build();
    return table === null
      ? null
      : [Float64Array.of(table.strata), table.coefficients, table.splitStrata, table.splitPieces, table.splitOffsets, table.pieceCoefficients];
  });
  if (parts === null) return null;
  const [strata, coefficients, splitStrata, splitPieces, splitOffsets, pieceCoefficients] = parts;
  const whole =
    parts.length === 6 &&
    strata instanceof Float64Array &&
    strata[0] === CHUNK_SIZE &&
    coefficients instanceof Float64Array &&
    coefficients.length === (CHUNK_SIZE + 1) * 5 &&
    [splitStrata, splitPieces, splitOffsets].every((part) => part instanceof Int32Array && part.length === splitStrata.length) &&
    pieceCoefficients instanceof Float64Array;
  if (!whole) return build();
  return {
    strata: strata[0],
    coefficients: coefficients as Float64Array,
    splitStrata: splitStrata as Int32Array,
    splitPieces: splitPieces as Int32Array,
    splitOffsets: splitOffsets as Int32Array,
    pieceCoefficients: pieceCoefficients as Float64Array,
  };
}
