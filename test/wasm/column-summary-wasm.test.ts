import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../models/compile/validate-case.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { summarizeOutput } from '../../models/engine/summarize-output.ts';
import { scanColumn } from '../../models/stats/scan-column.ts';
import { columnSummaryWasm } from '../../models/wasm/column-summary-wasm.ts';
import { mulberry32 } from '../helpers/mulberry32.ts';

/*
 * A large column's two summary passes run as WebAssembly (column-summary-wasm.ts) and
 * must give the JavaScript passes' bits: the scan's counts, range and compensated sum,
 * and every field of the summary (moments, percentiles and their errors, histogram, CDF).
 */
function specialColumn(length: number): Float64Array {
  const random = mulberry32(99);
  return Float64Array.from({ length }, (_, i) => {
    const draw = random();
    if (draw < 0.05) return Infinity; // payback beyond the horizon
    if (draw < 0.07) return NaN; // no IRR
    if (draw < 0.08) return -Infinity;
    if (draw < 0.2) return Math.floor(random() * 48) + 1; // ties
    if (draw < 0.21) return i % 2 ? 0 : -0;
    return (random() - 0.3) * 1e6;
  });
}

/** JSON that tells −0 from 0 and keeps NaN and ±Infinity: a bit-level comparison of summaries. */
const exact = (value: unknown): string =>
  JSON.stringify(value, (_, v) => (typeof v === 'number' && (Object.is(v, -0) || !Number.isFinite(v)) ? String(Object.is(v, -0) ? '-0' : v) : v));

describe('summary passes as WebAssembly', () => {
  it('scan gives scanColumn’s counts, range and compensated sum', () => {
    for (const column of [specialColumn(70_000), Float64Array.from({ length: 100_000 }, (_, i) => Math.sin(i) * 1e12 + 1e-3 * i)]) {
      expect(columnSummaryWasm(column.length).scan(column)).toEqual(scanColumn(column));
    }
  });

  it('summarises every contact-center output (200,000 trials) and special columns with the JavaScript passes’ bits', () => {
    const { model } = parseCase(JSON.parse(readFileSync('fixtures/contact-center-assistant.json', 'utf8')));
    const result = simulate(model, { trials: 200_000, seed: 4, keepLineTotals: true });
    const columns: [string, Float64Array][] = [
      ...Object.entries(result.outputs),
      ['special', specialColumn(131_072)],
      ['constant', new Float64Array(70_000).fill(27_000)],
      ['all NaN', new Float64Array(70_000).fill(NaN)],
    ];
    for (const [id, column] of columns) {
      for (const distribution of [true, false]) {
        const wasm = summarizeOutput(column, { distribution });
        const js = summarizeOutput(column, { distribution, wasm: false });
        expect(exact(wasm), id).toBe(exact(js));
      }
    }
    // Non-default bins, too.
    expect(exact(summarizeOutput(result.outputs.npv, { bins: 7 }))).toBe(exact(summarizeOutput(result.outputs.npv, { bins: 7, wasm: false })));
  });
});
