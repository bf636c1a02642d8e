import { For, Show, type Component } from 'solid-js';
import { EditorSection } from '../components/editor-section.tsx';
import { FieldErrors } from '../components/field-errors.tsx';
import { parseNumber } from '../components/number-field.tsx';
import { describeIssue } from '../lib/case-issues.ts';
import { ensureAt } from '../lib/json-pointer.ts';
import type { CaseDraft } from '../stores/case-draft.ts';

/**
 * Rank correlations between inputs (applied with Iman–Conover). Editing one cell sets
 * its mirror too, so the matrix stays symmetric; the engine checks it is positive definite.
 */
export const CorrelationsSection: Component<{ draft: CaseDraft }> = (props) => {
  const correlation = () => props.draft.document.correlations;
  const inputs = () => Object.keys(props.draft.document.inputs ?? {});
  const issues = () => props.draft.validation().issues;
  const toggle = (name: string, on: boolean): void =>
    props.draft.mutate((doc) => {
      const current = { inputs: doc.correlations?.inputs ?? [], matrix: doc.correlations?.matrix ?? [] };
      const names = on ? [...current.inputs.filter((n) => n !== name), name] : current.inputs.filter((n) => n !== name);
      const value = (a: string, b: string): number => {
        if (a === b) return 1;
        const i = current.inputs.indexOf(a);
        const j = current.inputs.indexOf(b);
        return i >= 0 && j >= 0 ? (current.matrix[i]?.[j] ?? 0) : 0;
      };
      if (names.length < 2) {
        if (names.length === 0) delete doc.correlations;
        else doc.correlations = { inputs: names, matrix: [[1]] };
        return;
      }
      doc.correlations = { inputs: names, matrix: names.map((a) => names.map((b) => value(a, b))) };
    });
  const setCell = (i: number, j: number, text: string): void => {
    const value = parseNumber(text);
    if (typeof value !== 'number') return;
    props.draft.mutate((doc) => {
      ensureAt(doc as never, `/correlations/matrix/${i}`, 'array')[j] = value;
      ensureAt(doc as never, `/correlations/matrix/${j}`, 'array')[i] = value;
    });
  };
  return (
    <EditorSection
      id="correlations"
      title="Correlations"
      problems={issues().under('/correlations').length}
      description="Inputs that move together (Spearman rank correlation, −1 to 1)."
    >
      <fieldset class="checkbox-grid">
        <legend>Correlated inputs</legend>
        <For each={inputs()}>
          {(name) => (
            <label class="checkbox">
              <input type="checkbox" checked={correlation()?.inputs.includes(name) ?? false} onChange={(e) => toggle(name, e.currentTarget.checked)} />
              {props.draft.document.inputs[name]?.label ?? name}
            </label>
          )}
        </For>
      </fieldset>
      <Show when={(correlation()?.inputs.length ?? 0) >= 2}>
        <table class="data-table matrix">
          <caption>Rank correlation matrix</caption>
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden">Input</span>
              </th>
              <For each={correlation()!.inputs}>{(name) => <th scope="col">{name}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={correlation()!.inputs}>
              {(row, i) => (
                <tr>
                  <th scope="row">{row}</th>
                  <For each={correlation()!.inputs}>
                    {(column, j) => (
                      <td>
                        <Show when={i() !== j()} fallback={<span class="matrix-diagonal">1</span>}>
                          <input
                            class="matrix-cell"
                            aria-label={`Correlation of ${row} with ${column}`}
                            value={correlation()!.matrix[i()]?.[j()] ?? 0}
                            aria-invalid={issues().at(`/correlations/matrix/${i()}/${j()}`).length > 0}
                            onChange={(e) => setCell(i(), j(), e.currentTarget.value)}
                          />
                        </Show>
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <FieldErrors
        id="correlation-errors"
        issues={issues()
          .under('/correlations')
          .map((issue) => describeIssue(props.draft.document, issue).text)}
      />
    </EditorSection>
  );
};
