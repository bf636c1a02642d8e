import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VersionItem } from '../../web/src/lib/api-types.ts';
import { caseFormat } from '../../web/src/lib/format.ts';
import { defaultDiffPair, groupVersions } from '../../web/src/lib/version-groups.ts';
import { HistoryPage } from '../../web/src/pages/history-page.tsx';
import type { CaseContext } from '../../web/src/stores/case-context.ts';

const version = (n: number, named: string | null = null, by = 'Ada'): VersionItem => ({
  version: n,
  hash: `${n}`.padStart(64, 'a'),
  createdAt: `2026-03-0${Math.min(n, 9)}T10:00:00Z`,
  createdBy: by,
  message: named ?? (n === 1 ? 'created' : null),
  named: named !== null,
  namedBy: named !== null ? 'Bo CFO' : null,
  namedAt: named !== null ? `2026-03-0${Math.min(n, 9)}T11:00:00Z` : null,
});

// As the API lists them: named first, then working versions, each oldest first.
const VERSIONS = [version(3, 'sent to the CFO'), version(6, 'decided: scale'), version(1), version(2), version(4), version(5), version(7)];

const json = (payload: unknown): Response => new Response(JSON.stringify(payload), { status: 200, headers: { 'content-type': 'application/json' } });

function context(): CaseContext {
  const [resource] = createSignal({ id: 'case-1', currentVersion: 7 });
  const session = { id: 'case-1', resource, draft: { format: () => caseFormat('EUR', 'en-GB') } };
  return { session, runs: {} } as unknown as CaseContext;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('version history', () => {
  it('lists named versions first with their messages, author and date, then the working versions collapsed', async () => {
    const requests: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      requests.push(url);
      if (url.includes('/versions')) return json({ items: VERSIONS });
      if (url.includes('/decisions')) return json({ items: [] });
      if (url.includes('/diff')) return json({ from: 6, to: 7, changes: [{ path: '/horizonMonths', kind: 'changed', before: 36, after: 48 }] });
      throw new Error(`unexpected ${url}`);
    });
    render(() => <HistoryPage context={context()} />);
    const named = await screen.findByTestId('named-versions');
    const rows = within(named).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent))).toEqual([
      ['v6', 'decided: scale', 'Bo CFO', '6 Mar 2026, 11:00'],
      ['v3', 'sent to the CFO', 'Bo CFO', '3 Mar 2026, 11:00'],
    ]);
    const working = screen.getByTestId('working-versions') as HTMLDetailsElement;
    expect(working.open).toBe(false);
    expect(working.querySelector('summary')!.textContent).toBe('5 working versions (autosaves and other unnamed saves)');
    expect(
      within(working)
        .getAllByRole('row', { hidden: true })
        .slice(1)
        .map((row) => row.querySelector('td')!.textContent),
    ).toEqual(['v7', 'v5', 'v4', 'v2', 'v1']);

    // The diff opens on the newest version against the newest named one, and any two can be picked.
    const fromPicker = screen.getByLabelText('From') as HTMLSelectElement;
    await waitFor(() => expect(fromPicker.value).toBe('6'));
    expect((screen.getByLabelText('to') as HTMLSelectElement).value).toBe('7');
    expect([...fromPicker.options].map((option) => option.textContent)).toEqual([
      'v7 · working',
      'v6 · decided: scale',
      'v5 · working',
      'v4 · working',
      'v3 · sent to the CFO',
      'v2 · working',
      'v1 · working',
    ]);
    await waitFor(() => expect(requests.some((url) => url.includes('/diff?from=6&to=7'))).toBe(true));
    fireEvent.change(fromPicker, { target: { value: '2' } });
    await waitFor(() => expect(requests.some((url) => url.includes('/diff?from=2&to=7'))).toBe(true));
  });

  it('says when nothing is named yet, and diffs the two newest versions then', () => {
    const groups = groupVersions([version(1), version(2), version(5)]);
    expect(groups.named).toEqual([]);
    expect(defaultDiffPair(groups)).toEqual({ from: 2, to: 5 });
    expect(defaultDiffPair(groupVersions([version(1)]))).toBeNull();
  });
});
