import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseResource } from '../../web/src/lib/api-types.ts';
import { createCaseSession, type CaseSession } from '../../web/src/stores/case-session.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

function resource(version: number, name = 'Closed-form case'): CaseResource {
  return {
    id: 'case-1',
    name,
    businessOwner: 'Head of Service',
    sponsor: 'COO',
    currency: 'EUR',
    locale: null,
    currentVersion: version,
    hash: `h${version}`,
    archived: false,
    createdAt: '2026-01-01T00:00:00Z',
    createdBy: 'editor',
    updatedAt: '2026-01-02T00:00:00Z',
    document: minimalCase({ name }),
    warnings: [],
    todo: [],
    complete: true,
  };
}

interface Call {
  method: string;
  ifMatch: string | null;
  body: unknown;
}

/** A fake server: PUT answers in turn from `answers`; records what was sent. The portfolio's rules (read once by the live preview) are answered apart. */
function fakeFetch(answers: ((body: unknown) => Response)[]): { calls: Call[] } {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    if (String(url).endsWith('/api/portfolio/rules')) return json(404, { title: 'Not Found', status: 404 });
    const headers = new Headers(init.headers);
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method: init.method ?? 'GET', ifMatch: headers.get('if-match'), body });
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected ${init.method} request`);
    return answer(body);
  });
  return { calls };
}

const json = (status: number, payload: unknown, etag?: string): Response =>
  new Response(JSON.stringify(payload), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...(etag ? { etag } : {}) },
  });

const settle = (ms = 60): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function withSession(run: (session: CaseSession) => Promise<void>): Promise<void> {
  return createRoot(async (dispose) => {
    try {
      const session = createCaseSession(resource(1), '"v1"', { autosaveDelayMs: 10 });
      // Let the session's effects run once, as they do before a person's first edit.
      await settle(0);
      await run(session);
    } finally {
      dispose();
    }
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('case session autosave', () => {
  it('saves a valid edit as a new version with If-Match', async () => {
    const server = fakeFetch([(body) => json(200, { ...resource(2), document: body }, '"v2"')]);
    await withSession(async (session) => {
      session.draft.update('/name', 'Renamed');
      await settle();
      expect(server.calls).toHaveLength(1);
      expect(server.calls[0]).toMatchObject({ method: 'PUT', ifMatch: '"v1"' });
      expect(session.saveState()).toBe('saved');
      expect(session.etag()).toBe('"v2"');
    });
  });

  it('does not save an invalid draft, and says why', async () => {
    const server = fakeFetch([]);
    await withSession(async (session) => {
      session.draft.update('/horizonMonths', 0);
      await settle();
      expect(server.calls).toHaveLength(0);
      expect(session.saveState()).toBe('invalid');
    });
  });

  it('saves an incomplete draft that parses, and lists what it needs before it can run', async () => {
    const server = fakeFetch([(body) => json(200, { ...resource(2), document: body }, '"v2"')]);
    await withSession(async (session) => {
      session.draft.update('/benefits', undefined);
      await settle();
      expect(server.calls).toHaveLength(1);
      expect((server.calls[0].body as { benefits?: unknown }).benefits).toBeUndefined();
      expect(session.saveState()).toBe('saved');
      const validation = session.draft.validation();
      expect(validation).toMatchObject({ ok: false, parses: true, validCase: null });
      expect(validation.issues.all).toEqual([]);
      expect(validation.todo.filter((item) => item.blocks === 'run')).toEqual([
        { path: '/benefits', field: 'Benefit lines', message: 'Add at least one benefit line: what the tool is worth each month', blocks: 'run' },
      ]);
    });
  });

  it('on 412 shows the conflict with the other version and the diff, and overwrites nothing', async () => {
    const theirs = resource(2, 'Saved in another tab');
    const server = fakeFetch([() => json(412, { title: 'Precondition Failed', status: 412, detail: 'version 2 is current', current: theirs })]);
    await withSession(async (session) => {
      session.draft.update('/description', 'my edit');
      await settle();
      expect(session.saveState()).toBe('conflict');
      expect(session.conflict()?.theirs.currentVersion).toBe(2);
      expect(session.conflict()?.changes.map((change) => change.path)).toEqual(expect.arrayContaining(['/name', '/description']));
      // No silent retry with the newer tag.
      session.draft.update('/description', 'another edit');
      await settle();
      expect(server.calls).toHaveLength(1);
    });
  });

  it('keeps my draft over theirs only when asked, citing their version', async () => {
    const theirs = resource(2, 'Saved in another tab');
    const server = fakeFetch([
      () => json(412, { title: 'Precondition Failed', status: 412, current: theirs }),
      (body) => json(200, { ...resource(3), document: body }, '"v3"'),
    ]);
    await withSession(async (session) => {
      session.draft.update('/description', 'my edit');
      await settle();
      await session.keepMine();
      expect(server.calls[1]).toMatchObject({ method: 'PUT', ifMatch: '"v2"' });
      expect((server.calls[1].body as { description: string }).description).toBe('my edit');
      expect(session.saveState()).toBe('saved');
      expect(session.resource().currentVersion).toBe(3);
    });
  });

  it('takes their version when I discard my edits', async () => {
    const theirs = resource(2, 'Saved in another tab');
    fakeFetch([() => json(412, { title: 'Precondition Failed', status: 412, current: theirs })]);
    await withSession(async (session) => {
      session.draft.update('/description', 'my edit');
      await settle();
      session.takeTheirs();
      expect(session.draft.document.name).toBe('Saved in another tab');
      expect(session.draft.document.description).toBeUndefined();
      expect(session.etag()).toBe('"v2"');
      expect(session.saveState()).toBe('saved');
    });
  });

  it('taking their version cancels an autosave scheduled before the conflict (no extra version)', async () => {
    const theirs = resource(2, 'Saved in another tab');
    let answer412!: () => void;
    const inFlight = new Promise<void>((resolve) => {
      answer412 = resolve;
    });
    const server = fakeFetch([
      (() => inFlight.then(() => json(412, { title: 'Precondition Failed', status: 412, current: theirs }))) as unknown as () => Response,
    ]);
    await createRoot(async (dispose) => {
      try {
        const session = createCaseSession(resource(1), '"v1"', { autosaveDelayMs: 150 });
        await settle(0);
        session.draft.update('/description', 'first edit');
        await settle(200);
        expect(server.calls).toHaveLength(1);
        // Typed while the first save is on its way: a second autosave is scheduled.
        session.draft.update('/description', 'second edit');
        answer412();
        await settle(20);
        expect(session.saveState()).toBe('conflict');
        session.takeTheirs();
        await settle(250);
        expect(server.calls).toHaveLength(1);
        expect(session.saveState()).toBe('saved');
        expect(session.resource().currentVersion).toBe(2);
      } finally {
        dispose();
      }
    });
  });
});
