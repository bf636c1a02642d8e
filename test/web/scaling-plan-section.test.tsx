import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { ScalingPlanSection } from '../../web/src/editor/scaling-plan-section.tsx';
import type { CaseDocument } from '../../web/src/lib/api-types.ts';
import { createCaseDraft as createUnownedDraft, type CaseDraft } from '../../web/src/stores/case-draft.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

const disposers: (() => void)[] = [];
function createCaseDraft(document: unknown): CaseDraft {
  return createRoot((dispose) => {
    disposers.push(dispose);
    return createUnownedDraft(document as CaseDocument);
  });
}
afterEach(() => {
  cleanup();
  for (const dispose of disposers.splice(0)) dispose();
});

const status = (part: string) => document.querySelector(`[data-plan-status="${part}"]`)!.textContent;

describe('the Scaling plan section of the case editor', () => {
  it('starts from a name-only draft: every part missing, then filled part by part, the draft still saving', () => {
    const draft = createCaseDraft({ formatVersion: 1, name: 'Invoice-matching copilot' });
    render(() => <ScalingPlanSection draft={draft} />);
    expect(status('integration')).toMatch(/^Missing: no integration plan/);
    expect(status('accountability')).toMatch(/The gate counts it as an unmet readiness item/);

    fireEvent.click(screen.getByRole('button', { name: '+ Add milestone' }));
    expect(draft.document.scalingPlan?.integration?.milestones).toEqual([{ label: 'What is delivered' }]);
    fireEvent.input(screen.getByLabelText('Milestone'), { target: { value: 'ERP connector live' } });
    fireEvent.input(screen.getByLabelText(/^Owner/), { target: { value: 'ERP integration lead' } });
    expect(draft.document.scalingPlan?.integration?.milestones?.[0]).toEqual({ label: 'ERP connector live', owner: 'ERP integration lead' });
    expect(status('integration')).toMatch(
      /^Incomplete: the integration plan names no system it touches; has milestones without an owner or a date: ERP connector live/,
    );

    fireEvent.input(screen.getByLabelText(/^Training/), { target: { value: 'Half a day per AP clerk' } });
    expect(draft.document.scalingPlan?.adoption).toEqual({ training: 'Half a day per AP clerk' });
    expect(status('adoption')).toMatch(/does not say: champions, the managers’ role, a rollout timeline/);
    // A partial plan is a draft that saves: it parses, and the to-do list names the gaps for the gate.
    expect(draft.validation().parses).toBe(true);
    expect(
      draft
        .validation()
        .todo.filter((item) => item.path.startsWith('/scalingPlan/adoption'))
        .map((item) => item.path),
    ).toEqual(['/scalingPlan/adoption/champions', '/scalingPlan/adoption/managersRole', '/scalingPlan/adoption/timeline']);

    fireEvent.click(screen.getByRole('button', { name: 'Remove milestone 1' }));
    expect(draft.document.scalingPlan?.integration?.milestones).toEqual([]);
  });

  it('warns when the rollout timeline disagrees with the adoption curve', () => {
    const draft = createCaseDraft(minimalCase({ adoption: { type: 'logistic', startMonth: 4, monthsToHalf: 8, ceiling: 0.8 } }));
    render(() => <ScalingPlanSection draft={draft} />);
    expect(screen.queryByTestId('timeline-warning')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '+ Add rollout step' }));
    expect(draft.document.scalingPlan?.adoption?.timeline).toEqual([{ label: 'Full rollout', month: 6, reach: 0.9 }]);
    expect(screen.getByTestId('timeline-warning').textContent).toMatch(
      /^Rollout step 'Full rollout' says 90 % of the ceiling by month 6, but the adoption curve only reaches it in month 16/,
    );
    fireEvent.input(screen.getByLabelText('By case month'), { target: { value: '16' } });
    expect(screen.queryByTestId('timeline-warning')).toBeNull();
  });
});
