import { closestName } from './closest-name.ts';
import type { BusinessCase } from './case-schema.ts';

/** Unknown variant or a variant that removes a line the case does not have. */
export class VariantError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'VariantError';
  }
}

/**
 * The case document of one variant: the base case with the variant's lines removed,
 * inputs and variables overridden and lines added. The result has no variants of its
 * own and must be validated like any case.
 *
 * @example
 * const { document, label } = applyVariant(bc, 'withoutKbCleanup');
 * const variant = parseCase(document);
 */
export function applyVariant(bc: BusinessCase, name: string): { document: unknown; label: string } {
  const variants = bc.variants ?? {};
  const variant = variants[name];
  if (!variant) {
    const names = Object.keys(variants);
    throw new VariantError(
      names.length ? `unknown variant "${name}"; the case has ${names.join(', ')}` : `the case defines no variants (add them under "variants")`,
      closestName(name, names),
    );
  }
  const removed = new Set(variant.removeLines ?? []);
  const lineIds = new Set([...bc.benefits.map((line) => line.id), ...bc.costs.map((line) => line.id)]);
  for (const id of removed) {
    if (!lineIds.has(id)) throw new VariantError(`variant "${name}" removes line "${id}", which the case does not have`, closestName(id, lineIds));
  }
  const { variants: _ignored, ...base } = bc;
  return {
    label: variant.label,
    document: {
      ...base,
      name: `${bc.name} — ${variant.label}`,
      inputs: { ...bc.inputs, ...(variant.inputs ?? {}) },
      variables: bc.variables || variant.variables ? { ...(bc.variables ?? {}), ...(variant.variables ?? {}) } : undefined,
      benefits: [...bc.benefits.filter((line) => !removed.has(line.id)), ...(variant.addBenefits ?? [])],
      costs: [...bc.costs.filter((line) => !removed.has(line.id)), ...(variant.addCosts ?? [])],
    },
  };
}
