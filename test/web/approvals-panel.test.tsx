import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApprovalsPanel } from '../../web/src/components/approvals-panel.tsx';
import { DecisionForm } from '../../web/src/components/decision-form.tsx';
import type { RunResource } from '../../web/src/lib/api-types.ts';
import { caseFormat } from '../../web/src/lib/format.ts';
import type { CaseContext } from '../../web/src/stores/case-context.ts';
import { me, refetchMe } from '../../web/src/stores/me-store.ts';
import { halfApproved, json } from './gate-governance-fixtures.ts';

const format = caseFormat('EUR', 'en-GB');
const context = { session: { id: 'case-1', draft: { format: () => format } } } as unknown as CaseContext;
const run = { id: 'run-1', caseVersion: 3, seed: 7, trials: 1000 } as RunResource;
const approverMe = { name: 'Alex Approver', role: 'approver', permissions: ['read', 'decide'], functions: [], mode: 'token' };

async function signInAsApprover(onPost: (url: string, body: unknown) => Response): Promise<unknown[]> {
  const posted: unknown[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (url.endsWith('/api/me')) return json(200, approverMe);
    if (init?.method === 'POST') {
      const body = JSON.parse(String(init.body));
      posted.push(body);
      return onPost(url, body);
    }
    throw new Error(`unexpected ${url}`);
  });
  await refetchMe();
  await waitFor(() => expect(me()?.name).toBe('Alex Approver'));
  return posted;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('approvals for a scale decision', () => {
  it('lists who approved and which roles are still missing, and records my approval in the missing role', async () => {
    const posted = await signInAsApprover(() => json(201, { id: 'a2' }));
    const onApproved = vi.fn();
    render(() => <ApprovalsPanel approvals={halfApproved} format={format} onApproved={onApproved} />);
    expect(screen.getByTestId('approval-businessOwner').textContent).toContain(`✓ Rachel Kim, ${format.dateTime('2026-12-07T10:00:00.000Z')}`);
    expect(screen.getByTestId('approval-approver').textContent).toContain('✗ missing');
    expect(screen.getByTestId('approvals-missing').textContent).toBe('Still missing: an approver. Each approval must come from a different person.');
    expect((screen.getByLabelText('Approve as') as HTMLSelectElement).value).toBe('approver');
    fireEvent.input(screen.getByLabelText('Note (optional)'), { target: { value: 'Controls reviewed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record my approval' }));
    await waitFor(() => expect(onApproved).toHaveBeenCalled());
    expect(posted).toEqual([{ runId: 'run-1', role: 'approver', note: 'Controls reviewed' }]);
  });

  it('says when every approval is there', async () => {
    await signInAsApprover(() => json(201, {}));
    const complete = {
      ...halfApproved,
      missing: [],
      items: [...halfApproved.items, { ...halfApproved.items[0], id: 'a2', role: 'approver' as const, person: 'Alex Approver' }],
    };
    render(() => <ApprovalsPanel approvals={complete} format={format} onApproved={() => undefined} />);
    expect(screen.getByTestId('approvals-complete').textContent).toBe('✓ Every approval this tier requires is recorded for this run.');
    expect(screen.queryByRole('button', { name: 'Record my approval' })).toBeNull();
  });

  it('names the missing approvals before a scale is recorded, and words the 409 when it is refused', async () => {
    const problem = {
      title: 'Conflict',
      status: 409,
      detail: 'missing approvals for a scale decision of this Medium-tier case: an approver; record them with POST /api/cases/{id}/approvals on this run',
      errors: [{ path: '/approvals/approver', message: 'missing: an approver' }],
      missing: ['approver'],
    };
    await signInAsApprover(() => json(409, problem));
    render(() => <DecisionForm context={context} run={run} recommendation="scale" approvals={halfApproved} onDecided={() => undefined} />);
    expect(screen.getByTestId('scale-needs-approvals').textContent).toBe('A scale decision needs these approvals on this run first: an approver.');
    fireEvent.input(screen.getByLabelText('Rationale'), { target: { value: 'The value covers the production cost with margin.' } });
    fireEvent.submit(screen.getByTestId('decision-form'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The scale decision was refused: it still needs the approval of an approver. Record the approvals above, then decide again.',
    );
    fireEvent.click(screen.getByRole('radio', { name: /Redesign/ }));
    expect(screen.queryByTestId('scale-needs-approvals')).toBeNull();
  });
});
