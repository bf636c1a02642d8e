import type { EmitContext } from './emit-js.ts';
import type { Level } from './resolve-names.ts';

/** The emit context of one kernel and the per-trial statements it collects. */
export interface KernelContext {
  context: EmitContext;
  /** Per-trial statements: hoisted values (h0, h1, …) and growth factors, in the order first asked for. */
  trialStatements: string[];
  /** Per-month steps of the growth values (gv0 *= gs0; …). */
  growthSteps: string[];
}

/**
 * An emit context whose hoisted values become per-trial locals, deduplicated by their
 * code and numbered in the order first asked for (so the kernel text depends only on
 * the order of emission), and whose monthly growth values step once a month.
 *
 * @example
 * const { context, trialStatements } = createKernelContext(bindings, levels);
 * context.hoist('x0 * 2') // 'h0', and trialStatements[0] is 'const h0 = x0 * 2;'
 */
export function createKernelContext(bindings: Map<string, string>, levels: Map<string, Level>): KernelContext {
  const trialStatements: string[] = [];
  const growthSteps: string[] = [];
  const hoisted = new Map<string, string>();
  const context: EmitContext = {
    bindings,
    levels,
    statefulGrowth: true,
    hoist(code) {
      let local = hoisted.get(code);
      if (!local) {
        local = `h${hoisted.size}`;
        hoisted.set(code, local);
        trialStatements.push(`const ${local} = ${code};`);
      }
      return local;
    },
    monthlyGrowth(rateCode) {
      const key = `grow:${rateCode}`;
      let local = hoisted.get(key);
      if (!local) {
        local = `gv${growthSteps.length}`;
        hoisted.set(key, local);
        trialStatements.push(`const gs${growthSteps.length} = dpow(1 + ${rateCode}, 1 / 12); let ${local} = 1;`);
        growthSteps.push(`${local} *= gs${growthSteps.length};`);
      }
      return local;
    },
  };
  return { context, trialStatements, growthSteps };
}
