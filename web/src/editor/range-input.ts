import type { DistributionSpec } from '../../../models/distributions/spec.ts';
import { ensureAt, setAtMutable } from '../lib/json-pointer.ts';
import type { CaseDraft } from '../stores/case-draft.ts';
import { formulaNames } from './formula-names.ts';

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;
const MAX_NAME = 40;

/**
 * A formula name proposed from a line's label: lower-case words joined by `_`, accents
 * dropped, starting with a letter, and unique among `taken` (inputs, variables, the
 * formula language's own names) by a `_2`, `_3` … suffix.
 *
 * @example
 * proposeInputName('Clerk time', [])                       // 'clerk_time'
 * proposeInputName('Clerk time', ['clerk_time'])           // 'clerk_time_2'
 * proposeInputName('Intégration (build) – 2025', [])       // 'integration_build_2025'
 */
export function proposeInputName(label: string, taken: readonly string[]): string {
  const words = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let base = words.join('_').slice(0, MAX_NAME).replace(/_+$/, '');
  if (!/^[a-z]/.test(base)) base = `input_${base}`.replace(/_+$/, '');
  const used = new Set(taken.map((name) => name.replace(/\($/, '')));
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

/**
 * Why `name` cannot be a new input's name, in words, or null when it can.
 *
 * @example
 * inputNameProblem('2x', []) // 'Name of the new input: start with a letter …'
 */
export function inputNameProblem(name: string, taken: readonly string[]): string | null {
  if (!IDENTIFIER.test(name)) return 'Name of the new input: start with a letter and use only letters, digits and _';
  if (taken.some((used) => used.replace(/\($/, '') === name)) return `Name of the new input: "${name}" is already used; choose another name`;
  return null;
}

/**
 * Creates an input from a range typed in a formula field and puts its name in the field,
 * as one edit. The unit comes from the field when it has one; the source is left for the
 * user to fill (the input's card asks for it).
 *
 * @example
 * createRangeInput(draft, '/benefits/0/amount', 'clerk_time', { label: 'Clerk time', unit: 'EUR/month', spec })
 */
export function createRangeInput(draft: CaseDraft, pointer: string, name: string, input: { label: string; unit?: string; spec: DistributionSpec }): void {
  draft.mutate((doc) => {
    const inputs = ensureAt(doc as never, '/inputs', 'object');
    inputs[name] = { label: input.label, ...(input.unit ? { unit: input.unit } : {}), distribution: input.spec };
    setAtMutable(doc as never, pointer, name);
  });
}

/**
 * What a formula field needs to offer "create an input from this range": the proposed
 * name from the line's label, the name check against the case's names, and the creation.
 *
 * @example
 * <FormulaField … rangeInput={rangeInputFor(draft, '/costs/0/amount', () => line.label, () => 'EUR')} />
 */
export function rangeInputFor(draft: CaseDraft, pointer: () => string, label: () => string, unit?: () => string | undefined) {
  const taken = () => formulaNames(draft.document);
  return {
    name: () => proposeInputName(label(), taken()),
    nameProblem: (name: string) => inputNameProblem(name, taken()),
    create: (name: string, spec: DistributionSpec) => createRangeInput(draft, pointer(), name, { label: label(), unit: unit?.(), spec }),
  };
}
