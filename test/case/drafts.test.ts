import { describe, expect, it } from 'vitest';
import { draftSchema } from '../../models/case/draft-schema.ts';
import { caseTodo, formatTodoItem } from '../../models/compile/case-todo.ts';
import { validateDraft } from '../../models/compile/validate-draft.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

const named = { formatVersion: 1 as const, name: 'Invoice-matching copilot' };

describe('draft schema', () => {
  it('accepts a name alone and any incomplete section', () => {
    expect(draftSchema.safeParse(named).success).toBe(true);
    const partial = { ...named, baseline: { description: 'Clerks match by hand' }, adoption: { type: 'logistic' }, ownership: { businessOwner: 'AP lead' } };
    expect(draftSchema.safeParse(partial).success).toBe(true);
  });

  it('still type-checks every part that is present, naming the field', () => {
    const result = validateDraft({ ...named, horizonMonths: 'soon', ownership: { sponsor: 3 }, discountRate: 0.1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { path: '/ownership/sponsor', message: 'must be a string, got 3' },
      { path: '/horizonMonths', message: 'must be a number, got "soon"' },
      { path: '/discountRate', message: 'unknown field', hint: 'discountRateAnnual' },
    ]);
  });

  it('refuses a document without a name or format version', () => {
    expect(draftSchema.safeParse({ formatVersion: 1 }).success).toBe(false);
    expect(draftSchema.safeParse({ name: 'x' }).success).toBe(false);
  });
});

describe('caseTodo', () => {
  it('lists, in words and in order, what a name-only draft needs for a run, then for the gate', () => {
    const todo = caseTodo(named);
    expect(todo.map((item) => [item.blocks, item.path])).toEqual([
      ['run', '/ownership/sponsor'],
      ['run', '/currency'],
      ['run', '/startDate'],
      ['run', '/horizonMonths'],
      ['run', '/discountRateAnnual'],
      ['run', '/inputs'],
      ['run', '/adoption'],
      ['run', '/benefits'],
      ['run', '/costs'],
      ['gate', '/ownership/businessOwner'],
      ['gate', '/baseline/metrics'],
      ['gate', '/valueHypothesis'],
      ['gate', '/measurementPlan'],
      ['gate', '/decisionCriteria'],
      ['gate', '/scalingPlan/integration'],
      ['gate', '/scalingPlan/adoption'],
      ['gate', '/scalingPlan/accountability'],
      ['gate', '/scalingPlan/valueMeasurement'],
    ]);
    expect(todo.find((item) => item.path === '/benefits')).toEqual({
      path: '/benefits',
      field: 'Benefit lines',
      message: 'Add at least one benefit line: what the tool is worth each month',
      blocks: 'run',
    });
    expect(todo.find((item) => item.path === '/baseline/metrics')!.message).toBe(
      'Add at least one baseline metric: the gate recommends keep-as-research until one is quantified',
    );
    expect(formatTodoItem(todo[3])).toBe('Horizon (months): Set the horizon in months: how long the case runs, e.g. 36 (/horizonMonths)');
  });

  it('has no run item for a complete case, and gate items for what the gate lacks', () => {
    const todo = caseTodo(minimalCase());
    expect(todo.filter((item) => item.blocks === 'run')).toEqual([]);
    expect(todo.map((item) => item.path)).toEqual([
      '/baseline/metrics',
      '/valueHypothesis',
      '/measurementPlan',
      '/decisionCriteria',
      '/scalingPlan/integration',
      '/scalingPlan/adoption',
      '/scalingPlan/accountability',
      '/scalingPlan/valueMeasurement',
    ]);
  });

  it('names the missing fields of a section begun but not finished, without repeating the engine\'s "is required"', () => {
    const { adoption: _adoption, ...rest } = minimalCase();
    const todo = caseTodo({ ...rest, adoption: { type: 'logistic', startMonth: 1 }, baseline: { description: 'slow' } });
    expect(todo.filter((item) => item.blocks === 'run')).toEqual([
      { path: '/adoption/monthsToHalf', field: 'Months to half adoption', message: 'Set how many months it takes to reach half of the ceiling', blocks: 'run' },
      {
        path: '/adoption/ceiling',
        field: 'Adoption ceiling',
        message: 'Set the adoption ceiling: the long-run share of eligible work that uses the tool (0 to 1)',
        blocks: 'run',
      },
      {
        path: '/baseline/metrics',
        field: 'Baseline metrics',
        message: 'Add at least one baseline metric (or remove the baseline): the gate recommends keep-as-research until one is quantified',
        blocks: 'run',
      },
    ]);
  });

  it("turns the engine's other problems (an unknown name in a formula) into run items with the line's label", () => {
    const document = minimalCase({ benefits: [{ id: 'clerk', label: 'Clerk time', amount: 'benefitPerMonthh' }] });
    const run = caseTodo(document).filter((item) => item.blocks === 'run');
    expect(run).toHaveLength(1);
    expect(run[0]).toMatchObject({ path: '/benefits/0/amount', field: "Benefit 'Clerk time': amount", blocks: 'run' });
    expect(run[0].message).toMatch(/benefitPerMonthh/);
  });
});

describe('validateDraft', () => {
  it('is complete exactly when the case validates, with the compiled case and its warnings', () => {
    const incomplete = validateDraft(named);
    expect(incomplete).toMatchObject({ ok: true, complete: false, validated: null, warnings: [], runIssues: [] });
    const complete = validateDraft(minimalCase());
    expect(complete.ok && complete.complete && complete.validated?.case.name).toBe('Closed-form case');
  });
});
