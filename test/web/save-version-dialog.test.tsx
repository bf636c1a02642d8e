import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SaveVersionDialog } from '../../web/src/components/save-version-dialog.tsx';
import type { CaseSession, SaveState } from '../../web/src/stores/case-session.ts';

interface Sent {
  method: string;
  url: string;
  ifMatch: string | null;
  body: unknown;
}

function fakeServer(answers: ((sent: Sent) => Response)[]): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const request = {
      method: init.method ?? 'GET',
      url,
      ifMatch: new Headers(init.headers).get('if-match'),
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    };
    sent.push(request);
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected ${request.method} ${url}`);
    return answer(request);
  });
  return sent;
}

const json = (status: number, payload: unknown): Response =>
  new Response(JSON.stringify(payload), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });

function fakeSession(state: SaveState, afterSave: SaveState = 'saved') {
  const [saveState, setSaveState] = createSignal<SaveState>(state);
  const session = {
    id: 'case-1',
    etag: () => '"v3"',
    saveState,
    saveNow: vi.fn(async (_message?: string): Promise<void> => {
      setSaveState(afterSave);
    }),
    refresh: vi.fn(async () => undefined),
    draft: { validation: () => ({ issues: { all: [{}, {}] } }), snapshot: () => ({ name: 'Invoice-matching copilot' }) },
  };
  return session as typeof session & CaseSession;
}

async function nameIt(message: string): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: 'Save version…' }));
  fireEvent.input(screen.getByLabelText('What marks this version?'), { target: { value: message } });
  fireEvent.click(screen.getByRole('button', { name: 'Save version' }));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Save version…', () => {
  it('names the saved version with If-Match and the message, then reloads the session', async () => {
    const sent = fakeServer([() => json(200, { version: 3, named: true, message: 'sent to the CFO' })]);
    const session = fakeSession('saved');
    render(() => <SaveVersionDialog session={session} />);
    await nameIt('  sent to the CFO ');
    expect(await screen.findByText('Version 3 saved as “sent to the CFO”.')).toBeTruthy();
    expect(sent).toEqual([{ method: 'POST', url: '/api/cases/case-1/versions', ifMatch: '"v3"', body: { message: 'sent to the CFO' } }]);
    expect(session.saveNow).not.toHaveBeenCalled();
    expect(session.refresh).toHaveBeenCalledOnce();
  });

  it('saves pending edits first, and names a new version when the current one already has a name', async () => {
    const sent = fakeServer([
      () => json(409, { title: 'Conflict', status: 409, detail: 'version 3 is already named "decided: scale"' }),
      () => json(200, { version: 4, named: true, message: 'sent to the CFO' }),
    ]);
    const session = fakeSession('pending');
    let tag = '"v3"';
    session.etag = () => tag;
    session.saveNow.mockImplementation(async (message?: string) => {
      if (message) tag = '"v4"';
    });
    render(() => <SaveVersionDialog session={session} />);
    await nameIt('sent to the CFO');
    expect(await screen.findByText('Version 4 saved as “sent to the CFO”.')).toBeTruthy();
    // Once for the pending edits, once for the new version, through the session so its tag follows.
    expect(session.saveNow.mock.calls).toEqual([[], ['sent to the CFO']]);
    expect(sent.map((request) => [request.method, request.ifMatch])).toEqual([
      ['POST', '"v3"'],
      ['POST', '"v4"'],
    ]);
    expect(session.refresh).toHaveBeenCalledOnce();
  });

  it('says in words why it cannot name yet, and sends nothing', async () => {
    const sent = fakeServer([]);
    const session = fakeSession('pending', 'invalid');
    render(() => <SaveVersionDialog session={session} />);
    await nameIt('sent to the CFO');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Your latest edits are not saved: fix the 2 problems shown in the editor first, then save the version.',
    );
    fireEvent.input(screen.getByLabelText('What marks this version?'), { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save version' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Say what marks this version, for example "sent to the CFO".'));
    expect(sent).toEqual([]);
  });
});
