import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequireRun } from '../../web/src/components/require-run.tsx';
import type { RunResource } from '../../web/src/lib/api-types.ts';
import type { CaseContext } from '../../web/src/stores/case-context.ts';
import { RUN } from './actuals-fixtures.ts';

afterEach(() => cleanup());

/** A case at `currentVersion` whose latest stored run is of version 1. */
function context(currentVersion: number) {
  const [latest] = createSignal<RunResource | null>({ ...RUN, caseVersion: 1 });
  const start = vi.fn(async () => undefined);
  const value = {
    session: {
      saveState: () => 'saved',
      saveNow: async () => undefined,
      resource: () => ({ currentVersion }),
      draft: {
        document: { simulation: { seed: 42 }, inputs: { x: { evidence: { summary: { n: 40, mean: 1, sd: 1 }, representativeness: 'curated' } } } },
        format: () => ({ count: (n: number) => String(n) }),
      },
    },
    runs: { latest, progress: () => null, loading: () => false, start },
  };
  return { context: value as unknown as CaseContext, start };
}

describe('RequireRun', () => {
  it('offers to run the current version in place when the stored run is of an older one (a measurement recorded since)', async () => {
    const { context: ctx, start } = context(2);
    render(() => (
      <RequireRun context={ctx} what="Gate figures">
        {() => <p>figures</p>}
      </RequireRun>
    ));
    expect(screen.getByText(/The case has changed since \(now version 2\)/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('rerun'));
    await Promise.resolve();
    await Promise.resolve();
    expect(start).toHaveBeenCalledWith({ trials: 10_000, seed: 42, sampling: undefined });
  });

  it('offers nothing when the stored run is of the current version', () => {
    const { context: ctx } = context(1);
    render(() => (
      <RequireRun context={ctx} what="Gate figures">
        {() => <p>figures</p>}
      </RequireRun>
    ));
    expect(screen.queryByTestId('rerun')).toBeNull();
    // The case has evidence: the note names the factors the run weighed it with.
    expect(screen.getByText(/evidence weighed by the factors production 1, similar 0.5, curated 0.25/)).toBeTruthy();
    expect(screen.getByText('figures')).toBeTruthy();
  });
});
