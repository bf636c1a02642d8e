import { describe, expect, it } from 'vitest';
import { parseCase } from '../../models/compile/validate-case.ts';
import { instantiate } from '../../models/engine/runnable-model.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

/*
 * The minimal case over 36 months: benefit 1000 a month without adoption, setup 20,000
 * in month 1 (integration), running cost 100 a month (infrastructure). So total costs
 * 23,600, integration 20,000, infrastructure 3,600 and the benefit line 36,000.
 */
function runKernel(lineOffset: number) {
  const { model } = parseCase(minimalCase());
  const runnable = instantiate(model, { computeIrr: false });
  const inputs = model.inputs.map((input) => Float64Array.of(input.spec.type === 'fixed' ? input.spec.value : NaN));
  const outputs = model.outputs.map(() => Float64Array.of(-7));
  runnable.kernel(
    inputs,
    1,
    outputs,
    0,
    new Float64Array(model.accumulators.size),
    new Float64Array(model.horizonMonths),
    new Float64Array(0),
    0,
    0,
    lineOffset,
  );
  const column = (id: string) => outputs[model.outputs.findIndex((output) => output.id === id)][0];
  return { column, lineIds: model.outputs.filter((output) => output.group === 'cost' || output.group === 'benefit').map((output) => output.id) };
}

describe('line totals in the kernel', () => {
  it('writes every category and benefit-line total when the caller keeps them (lineOffset ≥ 0)', () => {
    const { column } = runKernel(0);
    expect(column('totalCosts')).toBe(23_600);
    expect(column('cost.integration')).toBe(20_000);
    expect(column('cost.infrastructure')).toBe(3_600);
    expect(column('cost.governance')).toBe(0);
    expect(column('benefit.flat')).toBe(36_000);
  });

  it('leaves them untouched with lineOffset −1, and still writes the other outputs', () => {
    const { column, lineIds } = runKernel(-1);
    expect(lineIds.length).toBe(11);
    for (const id of lineIds) expect(column(id)).toBe(-7);
    expect(column('totalCosts')).toBe(23_600);
    expect(column('totalBenefits')).toBe(36_000);
  });
});
