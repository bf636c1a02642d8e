import { describe, expect, it } from 'vitest';
import { createTrialIrr } from '../../models/engine/trial-irr.ts';
import { createWasmTrialIrr } from '../../models/wasm/trial-irr-wasm.ts';
import { mulberry32 } from '../helpers/mulberry32.ts';

/*
 * The WebAssembly IRR must give trial-irr.ts's answer bit for bit, for the same flows,
 * hints and warm start. trial-irr.test.ts checks those answers against irrAll and
 * Excel's IRR; here every path of the solver is compared: one sign change, Norström,
 * certified multi-change roots, ambiguous vectors, bisection fallbacks, leading and
 * trailing zeros, and runs of trials sharing one warm start.
 */
const random = mulberry32(2026);
const HINT_RATE = Math.log(1.1) / 12;

function hints(flows: number[]): [number, number, number] {
  const npv = flows.reduce((sum, flow, index) => sum + flow * Math.exp(-(index + 1) * HINT_RATE), 0);
  return [HINT_RATE, npv, flows.reduce((sum, flow) => sum + flow, 0)];
}

function mixedSigns(): number[] {
  const months = 3 + Math.floor(random() * 58);
  return Array.from({ length: months }, () => {
    const draw = random();
    return draw < 0.1 ? 0 : draw < 0.45 ? -(10 + random() * 990) : 10 + random() * 990;
  });
}

/** A business-case shape: investment, ramp-up, steady savings, occasional dips. */
function businessCase(): number[] {
  const months = 24 + Math.floor(random() * 37);
  const scale = random() < 0.3 ? 0.2 : 1;
  return Array.from({ length: months }, (_, m) => {
    if (m < 3) return -(5e4 + random() * 3e5);
    const dip = random() < 0.05 ? -2e4 : 0;
    return scale * (8000 * (1 - Math.exp(-m / 6)) - 3000) + dip;
  });
}

describe('createWasmTrialIrr', () => {
  const vectors = [
    ...Array.from({ length: 3000 }, mixedSigns),
    ...Array.from({ length: 3000 }, businessCase),
    [-1000, 100, 1200],
    [-0.5, 2.025, -2.55, 1],
    [-100, 50, -10],
    [0, 0, 0],
    [0, -5, 0],
    [0, 7, 0, 0],
    [-1, 5, -6],
    [1e300, -1e300, 1e-300],
  ];

  it('gives trial-irr.ts’s bits on 6,000 vectors, one warm start across them (as in a chunk)', () => {
    const js = createTrialIrr();
    const wasm = createWasmTrialIrr();
    const differing: string[] = [];
    let finite = 0;
    for (const flows of vectors) {
      wasm.flows.set(flows);
      const withoutHints = [js.solve(Float64Array.from(flows), flows.length), wasm.solve(flows.length, NaN, NaN, NaN)];
      const [rate, value, total] = hints(flows);
      wasm.flows.set(flows);
      const withHints = [js.solve(Float64Array.from(flows), flows.length, rate, value, total), wasm.solve(flows.length, rate, value, total)];
      for (const [a, b] of [withoutHints, withHints]) {
        if (!Object.is(a, b)) differing.push(`${flows.join(',')}: ${a} vs ${b}`);
        if (Number.isFinite(a)) finite++;
      }
    }
    expect(differing).toEqual([]);
    expect(finite).toBeGreaterThan(5000); // about half the answers are rates (6,227 of 12,020): the comparison is not of NaNs
  });

  it('forgets its warm start on reset, as createTrialIrr().reset does', () => {
    const js = createTrialIrr();
    const wasm = createWasmTrialIrr();
    const warmUp = businessCase();
    js.solve(Float64Array.from(warmUp), warmUp.length);
    wasm.flows.set(warmUp);
    wasm.solve(warmUp.length, NaN, NaN, NaN);
    js.reset();
    wasm.reset();
    // A vector whose start falls back to the warm start (no lump estimate: no negative flows until the end).
    const flows = [100, 100, 100, -400];
    wasm.flows.set(flows);
    expect(Object.is(wasm.solve(4, NaN, NaN, NaN), js.solve(Float64Array.from(flows), 4))).toBe(true);
  });
});
