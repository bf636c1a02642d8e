import { describe, expect, it } from 'vitest';
import { validateDraft } from '../../models/compile/validate-draft.ts';
import { evidenceCase } from './evidence-case.ts';

describe('drafts with incomplete evidence', () => {
  it('save, and the to-do list says what the evidence lacks (it blocks a run)', () => {
    const doc = evidenceCase({ distribution: { type: 'normal', mean: 1, sd: 0.5 }, evidence: { representativeness: 'curated' } as never });
    const result = validateDraft(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.complete).toBe(false);
    const todo = result.todo.filter((item) => item.path.startsWith('/inputs/x/evidence'));
    expect(todo.map((item) => [item.path, item.blocks])).toEqual([
      ['/inputs/x/evidence', 'run'],
      ['/inputs/x/evidence/takenOn', 'run'],
      ['/inputs/x/evidence/takenBy', 'run'],
    ]);
    expect(result.runIssues).toEqual([]);
    expect(todo.map((item) => item.field)).toEqual(["Input 'x': evidence", "Input 'x': evidence taken on", "Input 'x': evidence taken by"]);
  });

  it('still refuse a wrong type in evidence, naming the field', () => {
    const doc = evidenceCase({ distribution: { type: 'normal', mean: 1, sd: 0.5 }, evidence: { summary: { n: 'ten' } } as never });
    const result = validateDraft(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.some((issue) => issue.path.startsWith('/inputs/x/evidence/summary'))).toBe(true);
  });

  it('bad values in complete evidence are run issues naming the field', () => {
    const doc = evidenceCase({
      distribution: { type: 'normal', mean: 1, sd: 0.5 },
      evidence: { summary: { n: 1, mean: 1, sd: 1 }, representativeness: 'production', takenOn: '2026-01-01', takenBy: 'A' },
    });
    const result = validateDraft(doc);
    expect(result.ok && result.runIssues.map((issue) => issue.path)).toEqual(['/inputs/x/evidence/summary/n']);
  });
});
