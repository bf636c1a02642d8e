import { createSignal, For, Show, type Component } from 'solid-js';
import { api, download } from '../lib/api.ts';
import { ErrorNotice } from './error-notice.tsx';

/**
 * The exports a CFO team takes away: the Excel workbook (assumptions, the latest stored
 * run's results and analyses), the stored run's per-trial CSV and the case as JSON. Each
 * downloads as the signed-in user; a failure (no stored run yet, a limit) is shown in words.
 */
export const ExportMenu: Component<{ caseId: string; runId?: string; version?: number }> = (props) => {
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const exports = () => [
    { id: 'xlsx', label: 'Excel workbook (.xlsx)', href: api.exportXlsxUrl(props.caseId), name: 'case.xlsx', needsRun: true },
    { id: 'csv', label: 'Per-trial CSV', href: props.runId ? api.trialsCsvUrl(props.runId) : '', name: 'trials.csv', needsRun: true },
    { id: 'json', label: 'Case JSON', href: api.exportJsonUrl(props.caseId, props.version), name: 'case.json', needsRun: false },
  ];
  const start = async (item: { id: string; href: string; name: string }): Promise<void> => {
    setBusy(item.id);
    setError(null);
    try {
      await download(item.href, item.name);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div class="export-menu" data-testid="export-menu">
      <span class="muted">Export:</span>
      <For each={exports()}>
        {(item) => (
          <button
            type="button"
            class="button-secondary"
            data-testid={`export-${item.id}`}
            disabled={busy() !== null || (item.needsRun && !props.runId)}
            title={item.needsRun && !props.runId ? 'Run on the server first: exports carry a stored, reproducible run' : undefined}
            onClick={() => void start(item)}
          >
            {busy() === item.id ? 'Preparing…' : item.label}
          </button>
        )}
      </For>
      <Show when={error()}>
        <ErrorNotice error={error()} />
      </Show>
    </div>
  );
};
