/** HTTP statuses a workbook problem maps to: too large, not a workbook, unreadable, or content we cannot take. */
export type WorkbookErrorStatus = 400 | 413 | 415 | 422;

/**
 * A problem with an uploaded workbook, naming the sheet and cell where there is one.
 * The API answers it as problem+json with the status; the CLI prints it and exits 1.
 *
 * @example
 * throw new WorkbookError(422, 'text "abc" where a number is expected', 'Assumptions', 'D5');
 * // message: 'Assumptions!D5: text "abc" where a number is expected'
 */
export class WorkbookError extends Error {
  constructor(
    readonly status: WorkbookErrorStatus,
    readonly problem: string,
    readonly sheet?: string,
    readonly cell?: string,
  ) {
    super(sheet ? `${sheet}${cell ? `!${cell}` : ''}: ${problem}` : problem);
    this.name = 'WorkbookError';
  }

  /** Where, as a spreadsheet reference (Assumptions!D5), or '' for the whole file. */
  get where(): string {
    return this.sheet ? `${this.sheet}${this.cell ? `!${this.cell}` : ''}` : '';
  }
}
