import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { createRoot, createSignal } from 'solid-js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../models/engine/summarize-run.ts';
import type { RunResource } from '../../web/src/lib/api-types.ts';
import { ResultsPage } from '../../web/src/pages/results-page.tsx';
import type { CaseContext } from '../../web/src/stores/case-context.ts';
import { createCaseDraft } from '../../web/src/stores/case-draft.ts';
import type { LivePreview } from '../../web/src/stores/live-preview.ts';
import { runSimulation } from '../../web/src/workers/run-simulation.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

let summary: RunSummary;
beforeAll(async () => {
  const response = await runSimulation({ id: 1, document: minimalCase(), trials: 100, seed: 1, sampling: 'lhs' });
  if (!response.ok) throw new Error('the case must simulate');
  summary = response.summary;
});

const disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const dispose of disposers.splice(0)) dispose();
});

function run(id: string, caseVersion: number, status: RunResource['status'] = 'succeeded'): RunResource {
  return {
    id,
    caseId: 'c1',
    caseVersion,
    caseHash: 'h',
    status,
    trials: 10_000,
    seed: 42,
    sampling: 'lhs',
    representativenessFactors: { production: 1, similar: 0.5, curated: 0.25 },
    engineVersion: '1.4.0',
    progress: { done: 10_000, total: 10_000 },
    summary,
    createdAt: '2026-12-07T00:00:00Z',
    startedAt: null,
    finishedAt: null,
    createdBy: 'test',
  };
}

/** A case at `currentVersion` whose runs are `runs` (newest first), the live preview simulated. */
function context(currentVersion: number, runs: RunResource[]): CaseContext {
  return createRoot((dispose) => {
    disposers.push(dispose);
    const draft = createCaseDraft(minimalCase({ locale: 'en-GB' }));
    const settings = { trials: 10_000, seed: 1, sampling: 'lhs' as const };
    const preview = { result: () => ({ summary, settings }), settings: () => settings } as unknown as LivePreview;
    const [list] = createSignal(runs);
    return {
      session: {
        id: 'c1',
        draft,
        preview,
        resource: () => ({ id: 'c1', name: 'Closed-form case', currentVersion }),
        saveState: () => 'saved',
      },
      runs: {
        runs: list,
        loading: () => false,
        latest: () => list().find((candidate) => candidate.status === 'succeeded') ?? null,
        progress: () => null,
        error: () => null,
        start: async () => null,
        cancel: async () => undefined,
        refresh: async () => undefined,
      },
    } as unknown as CaseContext;
  });
}

describe('Results page: which results it shows', () => {
  it('opens on the stored run of the current version and says so, with the run number, trials and seed', () => {
    render(() => <ResultsPage context={context(3, [run('bbbbbbbb-2', 3), run('aaaaaaaa-1', 2, 'failed')])} />);
    const source = screen.getByTestId('results-source').textContent ?? '';
    expect(source).toMatch(/^Showing run #2 of version 3 \(stored on the server, bbbbbbbb\): 10,000 trials, seed 42, Latin hypercube/);
    const stored = screen.getByRole('radio', { name: 'Run #2 of version 3, 10,000 trials, seed 42' }) as HTMLInputElement;
    expect(stored.checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Live draft preview (not saved as a run)' }));
    expect(screen.getByTestId('results-source').textContent).toMatch(
      /^Showing the live preview of the draft, simulated in your browser and not saved as a run/,
    );
  });

  it('opens on the live preview when the stored run is of an older version, and says the case has changed when switched', () => {
    render(() => <ResultsPage context={context(4, [run('bbbbbbbb-2', 3)])} />);
    expect(screen.getByTestId('results-source').textContent).toContain('not saved as a run');
    fireEvent.click(screen.getByRole('radio', { name: /^Run #1 of version 3/ }));
    expect(screen.getByTestId('results-source').textContent).toContain('the case has changed since (now version 4): run it again for current figures');
  });

  it('opens on the live preview when there is no stored run, the stored choice disabled', () => {
    render(() => <ResultsPage context={context(1, [])} />);
    expect(screen.getByTestId('results-source').textContent).toContain('not saved as a run');
    expect((screen.getByRole('radio', { name: 'Stored run (none yet)' }) as HTMLInputElement).disabled).toBe(true);
  });
});
