/** The characters that make a spreadsheet treat typed text as a formula (OWASP CSV/formula injection). */
const FORMULA_TRIGGER = /^[=+\-@\t\r\n]/;
/** Characters XML 1.0 cannot carry; exceljs drops them silently, which could expose a trigger behind them. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** Excel refuses cells longer than this. */
const MAX_CELL_TEXT = 32_767;

/**
 * The value to store in a cell: numbers stay numbers; text that a spreadsheet could read
 * as a formula (starting with = + - @, tab, CR or LF) gets a leading apostrophe so it stays
 * inert text; non-finite numbers become readable text. Every cell of the export goes
 * through here.
 *
 * @example
 * safeCellValue('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * safeCellValue(-12.5) // -12.5
 * safeCellValue(Infinity) // '∞'
 */
export function safeCellValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    // U+2212 MINUS SIGN, not '-': the text must not start with a formula trigger.
    return Number.isNaN(value) ? 'n/a' : value > 0 ? '∞' : '−∞';
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  let text = String(value).replace(XML_INVALID, '');
  if (FORMULA_TRIGGER.test(text)) text = `'${text}`;
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
}

/**
 * A number from a stored summary: stored JSON keeps ±Infinity and NaN as strings.
 *
 * @example
 * storedNumber('Infinity') // Infinity
 */
export function storedNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return NaN;
}
