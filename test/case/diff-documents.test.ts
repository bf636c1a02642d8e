import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../models/case/diff-documents.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

describe('diffDocuments', () => {
  it('reports nothing for equal documents', () => {
    expect(diffDocuments(minimalCase(), minimalCase())).toEqual([]);
    expect(diffDocuments(Number.NaN, Number.NaN)).toEqual([]);
  });

  it('reports a changed scalar by its path', () => {
    expect(diffDocuments({ horizonMonths: 36 }, { horizonMonths: 48 })).toEqual([{ path: '/horizonMonths', kind: 'changed', before: 36, after: 48 }]);
  });

  it('reports additions and removals of object keys, nested', () => {
    const before = { ownership: { sponsor: 'COO', businessOwner: 'Head of Service' } };
    const after = { ownership: { sponsor: 'COO', preparedBy: 'Analyst' } };
    expect(diffDocuments(before, after)).toEqual([
      { path: '/ownership/businessOwner', kind: 'removed', before: 'Head of Service' },
      { path: '/ownership/preparedBy', kind: 'added', after: 'Analyst' },
    ]);
  });

  it('changes of type are one change at that path', () => {
    expect(diffDocuments({ a: { b: 1 } }, { a: 5 })).toEqual([{ path: '/a', kind: 'changed', before: { b: 1 }, after: 5 }]);
    expect(diffDocuments({ a: [1] }, { a: { 0: 1 } })).toEqual([{ path: '/a', kind: 'changed', before: [1], after: { 0: 1 } }]);
    expect(diffDocuments(1, 2)).toEqual([{ path: '/', kind: 'changed', before: 1, after: 2 }]);
  });

  it('escapes / and ~ in keys as JSON pointers do (~1 and ~0)', () => {
    expect(diffDocuments({ 'a/b': 1, 'c~d': 1 }, { 'a/b': 2, 'c~d': 2 }).map((change) => change.path)).toEqual(['/a~1b', '/c~0d']);
  });

  it('matches arrays of objects with ids by id: removing one line is one removal, not a shifted list', () => {
    const before = minimalCase();
    const after = minimalCase({ costs: [before.costs[1]] }); // "setup" removed, "run" kept
    expect(diffDocuments(before, after)).toEqual([{ path: '/costs[setup]', kind: 'removed', before: before.costs[0] }]);
  });

  it('reports an added line and a changed field inside a line by id', () => {
    const before = minimalCase();
    const added = { id: 'licence', label: 'Licence', category: 'infrastructure', kind: 'monthly', amount: 50 } as const;
    const after = minimalCase({
      costs: [{ id: 'run', label: 'Run', category: 'infrastructure', kind: 'monthly', amount: 'runCost * 2' }, before.costs[0], added],
    });
    // Order changes alone are not reported: lines are matched by id.
    expect(diffDocuments(before, after)).toEqual([
      { path: '/costs[run]/amount', kind: 'changed', before: 'runCost', after: 'runCost * 2' },
      { path: '/costs[licence]', kind: 'added', after: added },
    ]);
  });

  it('diffs inputs (a record) by name and distribution fields by path', () => {
    const before = minimalCase();
    const after = minimalCase({
      inputs: {
        ...before.inputs,
        runCost: { unit: 'EUR/month', source: 'test', distribution: { type: 'fixed', value: 150 } },
      },
    });
    expect(diffDocuments(before, after)).toEqual([{ path: '/inputs/runCost/distribution/value', kind: 'changed', before: 100, after: 150 }]);
  });

  it('compares arrays without ids by index', () => {
    expect(
      diffDocuments(
        {
          m: [
            [1, 0.5],
            [0.5, 1],
          ],
        },
        {
          m: [
            [1, 0.6],
            [0.6, 1],
          ],
        },
      ),
    ).toEqual([
      { path: '/m/0/1', kind: 'changed', before: 0.5, after: 0.6 },
      { path: '/m/1/0', kind: 'changed', before: 0.5, after: 0.6 },
    ]);
    expect(diffDocuments([1, 2], [1, 2, 3])).toEqual([{ path: '/2', kind: 'added', after: 3 }]);
    expect(diffDocuments([1, 2, 3], [1])).toEqual([
      { path: '/1', kind: 'removed', before: 2 },
      { path: '/2', kind: 'removed', before: 3 },
    ]);
  });

  it('an empty array against lines: each line is an addition at its index (no ids to match on the empty side)', () => {
    const line = { id: 'a', label: 'A' };
    expect(diffDocuments({ costs: [] }, { costs: [line] })).toEqual([{ path: '/costs/0', kind: 'added', after: line }]);
  });
});
