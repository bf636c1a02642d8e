import { createSignal, For, Show, type Component } from 'solid-js';
import { StatusBadge } from '../components/status-badge.tsx';
import type { RegateResult } from '../lib/api-types.ts';
import type { CaseFormat } from '../lib/format.ts';
import { movedByWords } from './moved-by-words.ts';

/**
 * One click re-runs the gate on the forecast updated by the actuals, and names the actuals that moved it.
 */
export const RegatePanel: Component<{
  reasons: string[];
  flagged: boolean;
  regate: () => Promise<RegateResult>;
  labelOf: (seriesId: string) => string;
  formatSeriesValue: (seriesId: string, value: number) => string;
  format: CaseFormat;
}> = (props) => {
  const [result, setResult] = createSignal<RegateResult | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>(null);
  const run = async (): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      setResult(await props.regate());
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel regate-panel" data-testid="regate-panel" aria-labelledby="regate-title">
      <h3 id="regate-title">Re-gate</h3>
      <Show when={props.flagged} fallback={<p>No series has been outside its forecast's P10–P90 long enough to call for a re-gate.</p>}>
        <ul class="regate-reasons" data-testid="regate-reasons">
          <For each={props.reasons}>{(reason) => <li>⚠ {reason}</li>}</For>
        </ul>
      </Show>
      <button type="button" class="button-primary" onClick={() => void run()} disabled={busy()}>
        {busy() ? 'Re-running the gate…' : 'Re-run the gate on the updated forecast'}
      </button>
      <Show when={failure()}>
        <p class="notice notice-error" role="alert">
          The gate could not be re-run: {failure()}
        </p>
      </Show>
      <Show when={result()}>
        {(r) => {
          const recommendation = () => r().updated.recommendation;
          const original = () => r().original.recommendation;
          const headline = () => r().updated.headline;
          return (
            <div class="regate-result" data-testid="regate-result">
              <p>
                On the updated forecast the gate recommends <StatusBadge status={recommendation()} />
                <Show when={original()}>
                  {(was) => (
                    <>
                      {' '}
                      {was() === recommendation() ? (
                        '(the same as on the original forecast)'
                      ) : (
                        <>
                          (on the original forecast: <StatusBadge status={was()} />)
                        </>
                      )}
                    </>
                  )}
                </Show>
                .
              </p>
              <Show when={headline()}>
                <p class="headline">{headline()}</p>
              </Show>
              <Show when={r().movedBy.length} fallback={<p class="muted">No single actual moved the forecast.</p>}>
                <p>The actuals that moved it, strongest first:</p>
                <ul data-testid="moved-by">
                  <For each={r().movedBy}>{(move) => <li>{movedByWords(move, props.labelOf, props.format, props.formatSeriesValue)}</li>}</For>
                </ul>
              </Show>
            </div>
          );
        }}
      </Show>
    </section>
  );
};
