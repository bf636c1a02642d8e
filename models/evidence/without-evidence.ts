import type { BusinessCase } from '../case/case-schema.ts';

/**
 * The case as it was before its measurements: every input's evidence removed, so each
 * input is sampled from its stated range again (the "before" of a before/after view).
 *
 * @example
 * compileCase(withoutEvidence(bc)) // the model of the priors
 */
export function withoutEvidence(bc: BusinessCase): BusinessCase {
  const inputs = Object.fromEntries(
    Object.entries(bc.inputs).map(([name, input]) => {
      const { evidence: _, ...rest } = input;
      return [name, rest];
    }),
  );
  return { ...bc, inputs };
}
