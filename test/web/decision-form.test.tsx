import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DecisionForm } from '../../web/src/components/decision-form.tsx';
import type { RunResource } from '../../web/src/lib/api-types.ts';
import { caseFormat } from '../../web/src/lib/format.ts';
import type { CaseContext } from '../../web/src/stores/case-context.ts';

const json = (status: number, payload: unknown): Response => new Response(JSON.stringify(payload), { status, headers: { 'content-type': 'application/json' } });
const context = { session: { id: 'case-1', draft: { format: () => caseFormat('EUR', 'en-GB') } } } as unknown as CaseContext;
const run = { id: 'run-12345678', caseVersion: 2, seed: 7, trials: 1000 } as RunResource;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the decision form', () => {
  it('asks for a reason category before recording a stop, and sends it', async () => {
    const posted: unknown[] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      if (url.includes('/me')) return json(200, { mode: 'local', role: 'admin', permissions: [] });
      if (url.includes('/decisions') && init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        return json(201, { id: 'd1', decision: 'stop', takenBy: 'local user', reasonCategory: 'economics' });
      }
      throw new Error(`unexpected ${url}`);
    });
    const onDecided = vi.fn();
    render(() => <DecisionForm context={context} run={run} recommendation="redesign" onDecided={onDecided} />);
    fireEvent.click(screen.getByRole('radio', { name: /Stop/ }));
    expect(screen.getByLabelText('Reason for the decision (required for a stop)')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Rationale'), { target: { value: 'The value does not cover the production cost.' } });
    fireEvent.submit(screen.getByTestId('decision-form'));
    expect((await screen.findByRole('alert')).textContent).toBe('Choose why the case stops (Reason for the decision): the board counts stops by reason.');
    expect(posted).toEqual([]);

    fireEvent.change(screen.getByTestId('decision-reason'), { target: { value: 'economics' } });
    fireEvent.submit(screen.getByTestId('decision-form'));
    await waitFor(() => expect(onDecided).toHaveBeenCalled());
    expect(posted).toEqual([
      { decision: 'stop', rationale: 'The value does not cover the production cost.', runId: 'run-12345678', reasonCategory: 'economics' },
    ]);
  });

  it('leaves the reason optional for other decisions', () => {
    vi.stubGlobal('fetch', async () => json(200, { mode: 'local', role: 'admin', permissions: [] }));
    render(() => <DecisionForm context={context} run={run} recommendation="scale" onDecided={() => undefined} />);
    expect(screen.getByLabelText('Reason for the decision (optional)')).toBeTruthy();
  });
});
