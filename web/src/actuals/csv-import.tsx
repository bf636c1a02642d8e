import { createSignal, For, type Component } from 'solid-js';
import type { ActualsSaveResult } from '../lib/api-types.ts';
import { csvDataLines, describeCsvError, rowErrorsOf } from './row-errors.ts';
import { SaveSummary } from './save-summary.tsx';
import type { ObservableSeries } from './series-catalog.ts';

const EXAMPLE = 'month,series,value,note\n2027-01,benefit:clerk_time,41250,from the payroll report\n2027-01,adoption,0.32,';

/**
 * Paste or upload CSV (`month,series,value[,note]`). The API saves all rows or none; its
 * errors are shown naming the row and column, quoting the row as it was pasted.
 */
export const CsvImport: Component<{ save: (csv: string) => Promise<ActualsSaveResult>; series: ObservableSeries[] }> = (props) => {
  const [text, setText] = createSignal('');
  const [saving, setSaving] = createSignal(false);
  const [errors, setErrors] = createSignal<string[]>([]);
  const [failure, setFailure] = createSignal<string | null>(null);
  const [result, setResult] = createSignal<ActualsSaveResult | null>(null);

  const save = async (csv: string): Promise<void> => {
    if (!csv.trim()) return;
    setSaving(true);
    setErrors([]);
    setFailure(null);
    setResult(null);
    try {
      setResult(await props.save(csv));
    } catch (error) {
      const rowErrors = rowErrorsOf(error);
      const lines = csvDataLines(csv);
      if (rowErrors.length) setErrors(rowErrors.map((e) => describeCsvError(e, lines)));
      else setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  const upload = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const csv = await file.text();
    setText(csv);
    await save(csv);
  };

  return (
    <section class="panel actuals-csv" aria-labelledby="actuals-csv-title">
      <h3 id="actuals-csv-title">Paste or upload CSV</h3>
      <p class="muted">
        A header line <code>month,series,value,note</code>, then one row per value. Months are <code>YYYY-MM</code>; series by the names below. All rows are
        saved, or none when one is wrong.
      </p>
      <details class="series-names" data-testid="series-names">
        <summary>Series names of this case ({props.series.length})</summary>
        <table class="data-table compact">
          <tbody>
            <For each={props.series}>
              {(series) => (
                <tr>
                  <td>
                    <code>{series.id}</code>
                  </td>
                  <td>{series.label}</td>
                  <td class="muted">{series.unit}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </details>
      <label class="field">
        <span class="field-label">CSV text</span>
        <textarea
          class="actuals-csv-text"
          rows={8}
          placeholder={EXAMPLE}
          value={text()}
          onInput={(event) => setText(event.currentTarget.value)}
          spellcheck={false}
        />
      </label>
      <div class="button-row">
        <button type="button" class="button-primary" onClick={() => void save(text())} disabled={saving() || !text().trim()}>
          {saving() ? 'Saving…' : 'Save CSV rows'}
        </button>
        <label class="button-secondary file-button">
          Upload a .csv file
          <input
            type="file"
            accept=".csv,text/csv"
            class="visually-hidden"
            onChange={(event) => {
              void upload(event.currentTarget.files?.[0]);
              event.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      <SaveSummary result={result()} errors={errors()} failure={failure()} testId="csv-save" />
    </section>
  );
};
