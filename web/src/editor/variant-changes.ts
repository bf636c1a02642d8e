import type { CaseInput } from '../../../models/case/case-schema.ts';

export type VariantInput = NonNullable<CaseInput['variants']>[string];

/**
 * What a variant changes against its case, in words, one phrase per kind of change
 * (an empty list when it changes nothing yet).
 *
 * @example
 * describeVariantChanges(doc, { label: 'Lean', removeLines: ['run'] }) // ['removes the line "Run"']
 */
export function describeVariantChanges(document: CaseInput, variant: VariantInput): string[] {
  const lineLabel = (id: string): string =>
    document.benefits?.find((line) => line.id === id)?.label ?? document.costs?.find((line) => line.id === id)?.label ?? id;
  const quoted = (names: string[]): string => names.map((name) => `"${name}"`).join(', ');
  const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);
  const changes: string[] = [];
  const removed = variant.removeLines ?? [];
  if (removed.length) changes.push(`removes ${plural(removed.length, 'the line', 'the lines')} ${quoted(removed.map(lineLabel))}`);
  const inputs = Object.keys(variant.inputs ?? {});
  if (inputs.length) {
    const names = inputs.map((name) => document.inputs?.[name]?.label ?? name);
    changes.push(`changes ${plural(inputs.length, 'the input', 'the inputs')} ${quoted(names)}`);
  }
  const variables = Object.keys(variant.variables ?? {});
  if (variables.length) changes.push(`changes ${plural(variables.length, 'the variable', 'the variables')} ${quoted(variables)}`);
  const benefits = variant.addBenefits ?? [];
  if (benefits.length) changes.push(`adds ${plural(benefits.length, 'the benefit line', 'the benefit lines')} ${quoted(benefits.map((l) => l.label))}`);
  const costs = variant.addCosts ?? [];
  if (costs.length) changes.push(`adds ${plural(costs.length, 'the cost line', 'the cost lines')} ${quoted(costs.map((l) => l.label))}`);
  return changes;
}
