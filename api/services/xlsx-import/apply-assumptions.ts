import type { BusinessCase, InputDefinition } from '../../../models/case/case-schema.ts';
import { diffDocuments, type DocumentChange } from '../../../models/case/diff-documents.ts';
import { canonicalJson } from '../../../models/decision/canonical-json.ts';
import { assumptionColumn, columnLetters } from '../xlsx/assumption-columns.ts';
import type { AssumptionRow, AssumptionsSheet } from './read-assumptions.ts';
import { nearlyEqual, rowDistribution } from './row-distribution.ts';
import { WorkbookError } from './workbook-error.ts';

const SHEET = 'Assumptions';
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The case document with the workbook's edits, and the field-by-field diff from the current version. */
export interface AssumptionImport {
  document: Record<string, unknown>;
  changes: DocumentChange[];
}

type Edit = { id: string; field: keyof InputDefinition; value: unknown } | { id: string; input: Record<string, unknown> };

/**
 * Applies an edited Assumptions sheet to a case: every field whose cell differs from the
 * version the workbook was exported from (`base`, validated) is written into the current
 * document (`current`, as stored), so edits made since the export are kept. Labels, units,
 * sources, measurement costs, distributions and point values may change, and rows may be
 * added; a row that goes missing is an error (remove inputs in the editor). Throws
 * WorkbookError naming the cell of any problem; nothing is written anywhere.
 *
 * @example
 * const { document, changes } = applyAssumptions(sheet, baseCase, currentDocument);
 */
export function applyAssumptions(sheet: AssumptionsSheet, base: BusinessCase, current: Record<string, unknown>): AssumptionImport {
  const edits = sheet.rows.flatMap((row) => rowEdits(row, base.inputs[row.id]));
  const listed = new Set(sheet.rows.map((row) => row.id));
  const missing = Object.keys(base.inputs).filter((id) => !listed.has(id));
  if (missing.length) {
    throw new WorkbookError(
      422,
      `the row of input${missing.length === 1 ? '' : 's'} ${missing.map((id) => `"${id}"`).join(', ')} is missing; rows cannot be deleted here (remove inputs in the editor)`,
      SHEET,
    );
  }
  const document = structuredClone(current);
  const inputs = (document.inputs ?? {}) as Record<string, Record<string, unknown>>;
  document.inputs = inputs;
  for (const edit of edits) {
    const row = sheet.rows.find((each) => each.id === edit.id)!;
    if ('input' in edit) {
      if (inputs[edit.id]) throw new WorkbookError(422, `input "${edit.id}" was added to the case since this workbook was exported`, SHEET, `A${row.row}`);
      inputs[edit.id] = edit.input;
      continue;
    }
    const target = inputs[edit.id];
    if (!target) throw new WorkbookError(422, `input "${edit.id}" was removed from the case since this workbook was exported`, SHEET, `A${row.row}`);
    if (edit.value === undefined) delete target[edit.field];
    else target[edit.field] = edit.value;
  }
  return { document, changes: diffDocuments(current, document) };
}

/** The fields of one row that differ from the input as exported (all of it for a new row). */
function rowEdits(row: AssumptionRow, before: InputDefinition | undefined): Edit[] {
  if (!before) {
    if (!IDENTIFIER.test(row.id) || row.id.length > 100) {
      throw new WorkbookError(422, `"${row.id.slice(0, 60)}" is not a usable input name: a letter, then letters, digits or _`, SHEET, `A${row.row}`);
    }
    const input: Record<string, unknown> = { unit: row.unit?.trim() ?? '', distribution: rowDistribution(row) };
    if (row.label !== undefined) input.label = row.label.trim();
    if (row.source !== undefined) input.source = row.source.trim();
    if (row.measurementCost !== undefined) input.measurementCost = row.measurementCost;
    return [{ id: row.id, input }];
  }
  const edits: Edit[] = [];
  const text = (field: 'label' | 'unit' | 'source', value: string | undefined, was: string | undefined): void => {
    // Compared trimmed: whitespace a spreadsheet adds or drops around text is no edit.
    if ((value ?? '').trim() !== (was ?? '').trim()) edits.push({ id: row.id, field, value: field === 'unit' ? (value?.trim() ?? '') : value?.trim() });
  };
  text('label', row.label, before.label);
  text('unit', row.unit, before.unit);
  text('source', row.source, before.source);
  const cost = row.measurementCost;
  if (cost !== undefined && cost < 0) {
    throw new WorkbookError(422, 'a measurement cost cannot be negative', SHEET, `${columnLetters(assumptionColumn('Measurement cost'))}${row.row}`);
  }
  const sameCost = cost === before.measurementCost || (cost !== undefined && before.measurementCost !== undefined && nearlyEqual(cost, before.measurementCost));
  if (!sameCost) edits.push({ id: row.id, field: 'measurementCost', value: cost });
  const distribution = rowDistribution(row, before.distribution);
  if (canonicalJson(distribution) !== canonicalJson(before.distribution)) edits.push({ id: row.id, field: 'distribution', value: distribution });
  return edits;
}
