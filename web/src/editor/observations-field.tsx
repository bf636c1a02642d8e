import { createSignal, createUniqueId, Show, type Component } from 'solid-js';
import type { CaseIssue } from '../../../models/case/case-error.ts';
import { FieldErrors } from '../components/field-errors.tsx';
import { observationsText, parseObservations } from '../lib/evidence-csv.ts';

/**
 * Raw observations: typed or pasted one a row, or read from a one-column CSV file. Text
 * that is not a number is named by its row ("row 4: 'abc' is not a number") and nothing
 * is saved until it reads; a valid list replaces the observations.
 */
export const ObservationsField: Component<{
  values: number[] | undefined;
  onChange: (values: number[]) => void;
  issues: readonly CaseIssue[];
  unit: string;
}> = (props) => {
  const id = createUniqueId();
  const [text, setText] = createSignal(observationsText(props.values));
  const [error, setError] = createSignal<string | null>(null);
  const read = (value: string): void => {
    setText(value);
    const parsed = parseObservations(value);
    if (!parsed.ok) return void setError(`Observations: ${parsed.message}`);
    setError(null);
    props.onChange(parsed.values);
  };
  const upload = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    read(await file.text());
  };
  const problems = (): (CaseIssue | string)[] => (error() ? [error()!] : [...props.issues]);
  return (
    <div class="field observations-field" classList={{ 'field-invalid': problems().length > 0 }}>
      <label for={id}>Observations ({props.unit}), one a row</label>
      <textarea
        id={id}
        rows={6}
        value={text()}
        onInput={(event) => read(event.currentTarget.value)}
        aria-invalid={problems().length > 0}
        aria-describedby={problems().length > 0 ? `${id}-error` : `${id}-hint`}
      />
      <label class="file-button">
        Upload a one-column CSV
        <input type="file" accept=".csv,text/csv,text/plain" data-testid="observations-csv" onChange={(event) => void upload(event.currentTarget.files?.[0])} />
      </label>
      <Show when={problems().length === 0}>
        <p id={`${id}-hint`} class="field-hint">
          {(props.values ?? []).length} observations. A first row with a column name is skipped; a decimal comma works.
        </p>
      </Show>
      <FieldErrors id={`${id}-error`} issues={problems()} label="Observations" />
    </div>
  );
};
