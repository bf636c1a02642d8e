import { parseNumber } from '../components/number-field.tsx';

/** Observations read from pasted text or a one-column CSV, or the first row that is not a number. */
export type ObservationsParse = { ok: true; values: number[] } | { ok: false; message: string };

/**
 * Reads measurements from pasted text or a one-column CSV: one number a row (commas,
 * semicolons or tabs between numbers on one row also split them); blank rows are
 * skipped, and so is a first row that is a column name when numbers follow it. Numbers
 * are read as people type them (a decimal comma works when it is the only comma on
 * the row). Anything else is an error naming the row: "row 4: 'abc' is not a number".
 *
 * @example
 * parseObservations('minutes\n0.8\n1,2\n') // { ok: true, values: [0.8, 1.2] }
 * parseObservations('0.8\nabc')            // { ok: false, message: "row 2: 'abc' is not a number" }
 */
export function parseObservations(text: string): ObservationsParse {
  const rows = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const values: number[] = [];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index].trim();
    if (row === '') continue;
    const cells = splitRow(row);
    for (const cell of cells) {
      const value = parseNumber(cell);
      if (typeof value === 'number') {
        values.push(value);
        continue;
      }
      if (index === 0 && cells.length === 1 && rows.slice(1).some((later) => later.trim() !== '')) break;
      return { ok: false, message: `row ${index + 1}: '${cell.length > 40 ? `${cell.slice(0, 37)}…` : cell}' is not a number` };
    }
  }
  return { ok: true, values };
}

/** A row's cells: a single number with a decimal comma stays whole ("1,2"); otherwise commas, semicolons and tabs split. */
function splitRow(row: string): string[] {
  const unquoted = row.replace(/^"(.*)"$/, '$1');
  if (typeof parseNumber(unquoted) === 'number') return [unquoted];
  return unquoted
    .split(/[;,\t]/)
    .map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'))
    .filter((cell) => cell !== '');
}

/**
 * The observations as text for the form: one a row.
 *
 * @example
 * observationsText([0.8, 1.2]) // '0.8\n1.2'
 */
export function observationsText(values: readonly number[] | undefined): string {
  return (values ?? []).join('\n');
}
