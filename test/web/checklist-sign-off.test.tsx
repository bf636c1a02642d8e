import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChecklistItemRow } from '../../web/src/components/checklist-item-row.tsx';
import { SIGN_OFF_MESSAGES, SignOffForm } from '../../web/src/components/sign-off-form.tsx';
import { caseFormat } from '../../web/src/lib/format.ts';
import { me, refetchMe } from '../../web/src/stores/me-store.ts';
import { dataItem, json, legalItem, tokenUser } from './gate-governance-fixtures.ts';

const format = caseFormat('EUR', 'en-GB');

/** Signs in as a token of the given functions, and records what the page posts. */
async function signInAs(functions: string[], onPost: (url: string, body: unknown) => Response = () => json(200, {})): Promise<unknown[]> {
  const posted: unknown[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (url.endsWith('/api/me')) return json(200, tokenUser(functions));
    if (init?.method === 'POST') {
      const body = JSON.parse(String(init.body));
      posted.push(body);
      return onPost(url, body);
    }
    throw new Error(`unexpected ${url}`);
  });
  await refetchMe();
  await waitFor(() => expect(me()?.functions).toEqual(functions));
  return posted;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('sign-off by function on the gate page', () => {
  it('a data user cannot sign a legal item: the control is disabled with the reason, while their data item can be signed', async () => {
    await signInAs(['data']);
    render(() => (
      <ul>
        <ChecklistItemRow caseId="case-1" item={legalItem} history={[]} format={format} onSigned={() => undefined} />
        <ChecklistItemRow caseId="case-1" item={dataItem} history={[]} format={format} onSigned={() => undefined} />
      </ul>
    ));
    const legal = screen.getByTestId('checklist-item-gr-ai-disclosure');
    const legalButton = legal.querySelector('button') as HTMLButtonElement;
    expect(legalButton.textContent).toBe('Sign off…');
    expect(legalButton.disabled).toBe(true);
    expect(legal.querySelector('[data-testid="sign-off-blocker"]')?.textContent).toBe(
      'Only the Legal function (or an admin) signs this item; your token carries Data.',
    );
    expect(legal.textContent).toContain('Controls: NIST AI RMF GOVERN 1.2, ISO/IEC 42001 A.8.2');
    const data = screen.getByTestId('checklist-item-pd-data-quality');
    expect((data.querySelector('button') as HTMLButtonElement).disabled).toBe(false);
    expect(data.querySelector('[data-testid="sign-off-blocker"]')).toBeNull();
  });

  it('shows who signed, when and as what, and the history on demand', async () => {
    await signInAs(['legal']);
    const signed = {
      ...legalItem,
      status: 'met' as const,
      evidence: { text: 'Footer on every reply' },
      signedBy: 'Lea Wolf',
      signedAt: '2026-12-07T10:00:00.000Z',
      signedAs: 'function' as const,
    };
    const change = {
      id: 'ch1',
      caseId: 'case-1',
      itemId: legalItem.id,
      caseVersion: 4,
      from: 'notMet' as const,
      to: 'met' as const,
      evidence: { text: 'Footer on every reply' },
      reason: null,
      changedBy: 'Lea Wolf',
      token: null,
      signedAs: 'function' as const,
      function: 'legal' as const,
      changedAt: '2026-12-07T10:00:00.000Z',
    };
    render(() => <ChecklistItemRow caseId="case-1" item={signed} history={[change]} format={format} onSigned={() => undefined} />);
    expect(screen.getByTestId('signed').textContent).toBe(
      `Signed by Lea Wolf (Legal), ${format.dateTime('2026-12-07T10:00:00.000Z')} · “Footer on every reply”`,
    );
    expect(screen.queryByTestId('checklist-history')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'History (1)' }));
    expect(screen.getByTestId('checklist-history').textContent).toContain('Lea Wolf set Not met → Met · “Footer on every reply” (v4)');
  });

  it('blocks met without evidence and not applicable without a reason, then sends what was given', async () => {
    const posted = await signInAs(['legal']);
    const onSigned = vi.fn();
    render(() => <SignOffForm caseId="case-1" item={legalItem} mandatory={false} onSigned={onSigned} onCancel={() => undefined} />);
    const form = screen.getByTestId('sign-off-form-gr-ai-disclosure');
    fireEvent.submit(form);
    expect((await screen.findByRole('alert')).textContent).toBe(SIGN_OFF_MESSAGES.evidence);

    fireEvent.click(screen.getByRole('radio', { name: 'Not applicable' }));
    fireEvent.submit(form);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(SIGN_OFF_MESSAGES.reason));
    expect(posted).toEqual([]);

    fireEvent.click(screen.getByRole('radio', { name: 'Met' }));
    fireEvent.input(screen.getByLabelText('Evidence link'), { target: { value: 'https://wiki/cc/disclosure' } });
    fireEvent.submit(form);
    await waitFor(() => expect(onSigned).toHaveBeenCalled());
    expect(posted).toEqual([{ status: 'met', evidence: { link: 'https://wiki/cc/disclosure' } }]);
  });

  it('does not offer "not applicable" for an item the tier makes mandatory', async () => {
    await signInAs(['data']);
    render(() => <SignOffForm caseId="case-1" item={dataItem} mandatory={true} onSigned={() => undefined} onCancel={() => undefined} />);
    expect(screen.queryByRole('radio', { name: 'Not applicable' })).toBeNull();
    expect(screen.getByText('Mandatory for the case’s risk tier: it cannot be marked not applicable.')).toBeTruthy();
  });

  it("shows the server's 403 naming the function", async () => {
    const detail =
      'item gr-ai-disclosure belongs to the Legal function (legal); your token carries Data. Ask someone of the Legal function, or an admin, to sign it';
    await signInAs(['legal'], () => json(403, { title: 'Forbidden', status: 403, detail }));
    render(() => <SignOffForm caseId="case-1" item={legalItem} mandatory={false} onSigned={() => undefined} onCancel={() => undefined} />);
    fireEvent.input(screen.getByLabelText('Evidence (text and/or link required)'), { target: { value: 'Footer text' } });
    fireEvent.submit(screen.getByTestId('sign-off-form-gr-ai-disclosure'));
    expect((await screen.findByRole('alert')).textContent).toContain(detail);
  });
});
