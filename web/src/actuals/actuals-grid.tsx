import { createMemo, createSignal, For, Show, type Component } from 'solid-js';
import type { ActualsRow, ActualsSaveResult } from '../lib/api-types.ts';
import { cellKey, changedRows, type StoredActual } from './grid-edits.ts';
import { describeGridError, rowErrorsOf } from './row-errors.ts';
import { SERIES_GROUPS, type ObservableSeries } from './series-catalog.ts';
import { SaveSummary } from './save-summary.tsx';

export interface ActualsGridProps {
  months: string[];
  series: ObservableSeries[];
  stored: ReadonlyMap<string, StoredActual>;
  /** Posts the changed rows; throws the API's error. */
  save: (rows: ActualsRow[]) => Promise<ActualsSaveResult>;
}

/**
 * Months down, observable series across (grouped KPIs, benefits, costs, net, adoption,
 * variables). Typing marks a cell changed; one save posts only the changed cells.
 */
export const ActualsGrid: Component<ActualsGridProps> = (props) => {
  const [edits, setEdits] = createSignal<Map<string, string>>(new Map());
  const [saving, setSaving] = createSignal(false);
  const [errors, setErrors] = createSignal<string[]>([]);
  const [failure, setFailure] = createSignal<string | null>(null);
  const [result, setResult] = createSignal<ActualsSaveResult | null>(null);
  const groups = createMemo(() =>
    SERIES_GROUPS.map(([group, label]) => ({ label, series: props.series.filter((s) => s.group === group) })).filter((g) => g.series.length),
  );
  const ordered = createMemo(() => groups().flatMap((g) => g.series));
  const changes = createMemo(() =>
    changedRows(
      edits(),
      props.stored,
      props.months,
      ordered().map((s) => s.id),
    ),
  );
  const labelOf = (id: string): string => props.series.find((s) => s.id === id)?.label ?? id;
  const edit = (key: string, text: string): void => {
    setEdits((current) => new Map(current).set(key, text));
    setResult(null);
  };
  const shown = (month: string, id: string): string => {
    const key = cellKey(month, id);
    const typed = edits().get(key);
    if (typed !== undefined) return typed;
    const value = props.stored.get(key)?.value;
    return value === undefined ? '' : String(value);
  };
  const isChanged = (month: string, id: string): boolean =>
    changes().rows.some((row) => row.month === month && row.series === id) || changes().invalid.some((cell) => cell.month === month && cell.series === id);

  const save = async (): Promise<void> => {
    const rows = changes().rows;
    if (!rows.length || changes().invalid.length) return;
    setSaving(true);
    setErrors([]);
    setFailure(null);
    try {
      setResult(await props.save(rows));
      setEdits(new Map());
    } catch (error) {
      const rowErrors = rowErrorsOf(error);
      if (rowErrors.length) setErrors(rowErrors.map((e) => describeGridError(e, rows, labelOf)));
      else setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="panel actuals-entry" aria-labelledby="actuals-grid-title">
      <h3 id="actuals-grid-title">Enter actuals by month</h3>
      <p class="muted">
        One row per month since the case started. Type the measured value in the series' unit (adoption as a share, e.g. 0.45 or 45%); changed cells are marked
        and saved together.
      </p>
      <Show when={props.months.length} fallback={<p class="empty-state">The case starts after this month: actuals can be entered from its first month on.</p>}>
        <div class="actuals-grid-scroll">
          <table class="data-table compact actuals-grid" data-testid="actuals-grid">
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  Month
                </th>
                <For each={groups()}>
                  {(group) => (
                    <th scope="colgroup" colSpan={group.series.length} class="group-head">
                      {group.label}
                    </th>
                  )}
                </For>
              </tr>
              <tr>
                <For each={ordered()}>
                  {(series) => (
                    <th scope="col" title={series.id}>
                      {series.label}
                      <Show when={series.unit}>
                        <span class="series-unit">{series.unit}</span>
                      </Show>
                    </th>
                  )}
                </For>
              </tr>
            </thead>
            <tbody>
              <For each={props.months}>
                {(month) => (
                  <tr>
                    <th scope="row">{month}</th>
                    <For each={ordered()}>
                      {(series) => (
                        <td classList={{ 'cell-changed': isChanged(month, series.id) }}>
                          <input
                            type="text"
                            inputMode="decimal"
                            class="actuals-cell"
                            aria-label={`${series.label}, ${month}`}
                            value={shown(month, series.id)}
                            aria-invalid={changes().invalid.some((c) => c.month === month && c.series === series.id) ? 'true' : undefined}
                            onInput={(event) => edit(cellKey(month, series.id), event.currentTarget.value)}
                          />
                        </td>
                      )}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={changes().invalid.length}>
        <ul class="field-error" data-testid="grid-invalid">
          <For each={changes().invalid}>
            {(cell) => (
              <li>
                {labelOf(cell.series)}, {cell.month}: "{cell.text}" is not a number.
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="button-row">
        <button type="button" class="button-primary" onClick={() => void save()} disabled={saving() || !changes().rows.length || changes().invalid.length > 0}>
          {saving() ? 'Saving…' : `Save ${changes().rows.length} changed value${changes().rows.length === 1 ? '' : 's'}`}
        </button>
      </div>
      <SaveSummary result={result()} errors={errors()} failure={failure()} testId="grid-save" />
    </section>
  );
};
