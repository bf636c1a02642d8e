import { describe, expect, it } from 'vitest';
import { createDistribution } from '../../models/distributions/create-distribution.ts';
import { normalInv } from '../../models/math/normal-inv.ts';
import { fillNormalQuantilesAscending, NORMAL_TABLE_MAX_ERROR } from '../../models/math/normal-quantile-table.ts';

/** 2^20 ascending points spread over (0, 1), as Latin Hypercube strata are. */
function ascending(): Float64Array {
  const n = 1 << 20;
  return Float64Array.from({ length: n }, (_, i) => (i + 0.37) / n);
}

describe('standard normal quantile table (ascending draws)', () => {
  it('agrees with the exact AS 241 quantile to 1e-13 in z everywhere, and exactly outside [1/64, 63/64)', () => {
    const u = ascending();
    const z = new Float64Array(u.length);
    fillNormalQuantilesAscending(u, z, u.length, 0, 1);
    let worst = 0;
    for (let i = 0; i < u.length; i++) {
      const exact = normalInv(u[i]);
      if (u[i] < 1 / 64 || u[i] >= 63 / 64) expect(z[i]).toBe(exact);
      worst = Math.max(worst, Math.abs(z[i] - exact));
    }
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThanOrEqual(1e-13);
    expect(worst).toBeLessThan(NORMAL_TABLE_MAX_ERROR);
  });

  it('is what normal and lognormal draws use for ascending uniforms: within 1e-13·sd of inv, and still exact otherwise', () => {
    const u = ascending();
    const out = new Float64Array(u.length);
    const normal = createDistribution({ type: 'normal', mean: 100, sd: 15 });
    normal.fillFromUniforms(u, out, u.length, true);
    for (let i = 0; i < u.length; i += 97) expect(Math.abs(out[i] - normal.inv(u[i]))).toBeLessThanOrEqual(1e-13 * 15 + 1e-13);
    const lognormal = createDistribution({ type: 'lognormal', p5: 2_000, p95: 9_000 });
    lognormal.fillFromUniforms(u, out, u.length, true);
    for (let i = 0; i < u.length; i += 97) {
      const exact = lognormal.inv(u[i]);
      expect(Math.abs(out[i] - exact) / exact).toBeLessThanOrEqual(1e-12);
    }
    // Without the hint the draws are exactly inv, bit for bit.
    const probe = Float64Array.of(0.3, 0.001, 0.5, 0.97);
    normal.fillFromUniforms(probe, out, 4);
    probe.forEach((p, i) => expect(out[i]).toBe(normal.inv(p)));
  });
});
