import { normalInv } from '../../models/math/normal-inv.ts';
import { fillUniforms, type RngState } from '../../models/rng/index.ts';

/** n draws of N(mu, sigma²) by inversion of seeded sfc32 uniforms. */
export function normalDraws(state: RngState, n: number, mu = 0, sigma = 1): Float64Array {
  const u = new Float64Array(n);
  fillUniforms(state, u, n);
  for (let i = 0; i < n; i++) u[i] = mu + sigma * normalInv(u[i]);
  return u;
}
