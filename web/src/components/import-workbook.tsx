import { createSignal, Show, type Component } from 'solid-js';
import type { CaseSession } from '../stores/case-session.ts';
import { importWorkbook, type WorkbookImport } from '../lib/workbook-api.ts';
import { DiffTable } from './diff-table.tsx';
import { ErrorNotice } from './error-notice.tsx';

/**
 * Brings an edited Excel workbook back in: the chosen file is previewed first (the
 * field-by-field diff, nothing saved), then saved as a new version of the case on
 * confirmation, under the version the page holds. A problem names the sheet and cell.
 */
export const ImportWorkbook: Component<{ session: CaseSession }> = (props) => {
  const [file, setFile] = createSignal<File | null>(null);
  const [preview, setPreview] = createSignal<WorkbookImport | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const [savedAs, setSavedAs] = createSignal<number | null>(null);

  const run = async (step: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const choose = (chosen: File | undefined): Promise<void> =>
    run(async () => {
      setPreview(null);
      setSavedAs(null);
      setFile(chosen ?? null);
      if (chosen) setPreview(await importWorkbook(props.session.id, chosen));
    });
  const save = (): Promise<void> =>
    run(async () => {
      const saved = await importWorkbook(props.session.id, file()!, props.session.etag());
      setPreview(null);
      setSavedAs(saved.currentVersion ?? null);
      await props.session.refresh();
    });
  const unsaved = () => props.session.saveState() !== 'saved';

  return (
    <div class="import-workbook" data-testid="import-workbook">
      <label class="button-secondary">
        Import edited workbook (.xlsx)
        <input
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="import-workbook-file"
          class="visually-hidden"
          disabled={busy()}
          onChange={(event) => void choose(event.currentTarget.files?.[0])}
        />
      </label>
      <Show when={busy()}>
        <span class="muted"> Reading the workbook…</span>
      </Show>
      <Show when={preview()}>
        {(p) => (
          <div class="import-preview" data-testid="import-workbook-preview">
            <p>
              {p().changes.length === 0
                ? 'The workbook changes nothing in the case.'
                : `${p().changes.length} change${p().changes.length === 1 ? '' : 's'} from the workbook (exported from version ${p().baseVersion}; the case is at version ${p().currentVersion}):`}
            </p>
            <DiffTable changes={p().changes} before={props.session.resource().document} beforeLabel="In the case" afterLabel="In the workbook" />
            <Show when={p().changes.length > 0}>
              <div class="import-actions">
                <button type="button" class="button-primary" data-testid="import-workbook-save" disabled={busy() || unsaved()} onClick={() => void save()}>
                  Save as version {p().currentVersion + 1}
                </button>
                <button type="button" class="button-secondary" onClick={() => setPreview(null)}>
                  Discard
                </button>
              </div>
              <Show when={unsaved()}>
                <p class="muted">Save or discard your unsaved edits first.</p>
              </Show>
            </Show>
          </div>
        )}
      </Show>
      <Show when={savedAs()}>
        <p role="status" data-testid="import-workbook-saved">
          Saved as version {savedAs()}. Run it to see the new results.
        </p>
      </Show>
      <Show when={error()}>
        <ErrorNotice error={error()} />
      </Show>
    </div>
  );
};
