import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TemplateDiffResource } from '../../models/contract/governance-resources.ts';
import { TemplateMigration } from '../../web/src/components/template-migration.tsx';
import { json } from './gate-governance-fixtures.ts';

const diff: TemplateDiffResource = {
  from: 1,
  to: 2,
  added: [{ id: 'gr-model-card', gate: 'governanceRisk', item: 'A model card is published', function: 'data' }],
  changed: [{ id: 'gr-third-party', fields: [{ field: 'evidenceHint', before: 'Signed contract review', after: 'Signed contract review incl. exit terms' }] }],
  unchanged: ['bo-owner', 'bo-kpi'],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('migrating a case to a newer checklist template', () => {
  it('shows the item diff first, and migrates only when asked', async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      if (url.endsWith('/api/me')) return json(200, { name: 'Ed', role: 'editor', permissions: ['read', 'write'], functions: [], mode: 'token' });
      calls.push(`${init?.method ?? 'GET'} ${url.replace(/^.*\/api/, '')}${init?.body ? ` ${init.body}` : ''}`);
      if (url.includes('/checklist/migration') && init?.method === 'POST') return json(200, { diff, checklist: {} });
      if (url.includes('/checklist/migration')) return json(200, diff);
      throw new Error(`unexpected ${url}`);
    });
    const onMigrated = vi.fn();
    render(() => <TemplateMigration caseId="case-1" from={1} to={2} onMigrated={onMigrated} />);
    expect(screen.getByTestId('template-migration').textContent).toContain(
      'The organisation’s checklist template is at version 2; this case follows version 1.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show what changes' }));
    const shown = await screen.findByTestId('template-diff');
    expect(shown.textContent).toContain('From version 1 to 2: 1 item added, 1 changed, 2 unchanged.');
    expect(shown.textContent).toContain('gr-model-card A model card is published (data)');
    expect(shown.textContent).toContain('evidenceHint: Signed contract review → Signed contract review incl. exit terms');
    expect(calls).toEqual(['GET /cases/case-1/checklist/migration?to=2']);
    fireEvent.click(screen.getByRole('button', { name: 'Migrate to version 2' }));
    await waitFor(() => expect(onMigrated).toHaveBeenCalled());
    expect(calls[1]).toBe('POST /cases/case-1/checklist/migration {"toVersion":2}');
  });
});
