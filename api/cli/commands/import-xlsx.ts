import { readFileSync, writeFileSync } from 'node:fs';
import { formatCaseIssue } from '../../../models/case/case-error.ts';
import { validateCase } from '../../../models/compile/validate-case.ts';
import { importWorkbook, WorkbookError } from '../../services/xlsx-import/index.ts';
import type { CliCommand, CommandOptions } from '../cli-command.ts';
import { InvalidCase, loadValidCase } from '../command-helpers.ts';
import { readCaseFile } from '../read-case-file.ts';
import { UsageError } from '../usage-error.ts';

/**
 * `valuegate import-xlsx WORKBOOK.xlsx --case CASE.json --out NEW.json`: applies the
 * edited Assumptions sheet of an exported workbook to the case file, prints the
 * field-by-field diff and writes the new case file (only when it validates). Exit 1 for
 * a workbook problem (naming the sheet and cell) or an invalid result, 2 on usage errors.
 *
 * @example
 * await runCli(['import-xlsx', 'edited.xlsx', '--case', 'case.json', '--out', 'case-v2.json']);
 */
export const importXlsxCommand: CliCommand = {
  name: 'import-xlsx',
  usage: ['WORKBOOK.xlsx --case CASE.json --out NEW.json [--json]'],
  summary: 'apply an edited workbook to its case',
  run: runImportXlsx,
};

async function runImportXlsx(options: CommandOptions): Promise<void> {
  const [workbookFile, ...extra] = options.positionals.slice(1);
  if (!workbookFile) throw new UsageError('import-xlsx needs a WORKBOOK.xlsx');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (!options.case) throw new UsageError('import-xlsx needs --case CASE.json (the case the workbook was exported from)');
  if (!options.out) throw new UsageError('import-xlsx needs --out NEW.json');
  const base = loadValidCase(options.case).case;
  const current = readCaseFile(options.case) as Record<string, unknown>;
  let bytes: Buffer;
  try {
    bytes = readFileSync(workbookFile);
  } catch (error) {
    throw new InvalidCase(`${workbookFile}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let result: Awaited<ReturnType<typeof importWorkbook>>;
  try {
    result = await importWorkbook(bytes, () => base, current);
  } catch (error) {
    if (error instanceof WorkbookError) throw new InvalidCase(`${workbookFile}: ${error.message}`);
    throw error;
  }
  const validated = validateCase(result.document);
  if (!validated.ok) {
    throw new InvalidCase(
      `${workbookFile}: the edited case is not valid; nothing written\n${validated.issues.map((issue) => `  ${formatCaseIssue(issue)}`).join('\n')}`,
    );
  }
  writeFileSync(options.out, `${JSON.stringify(result.document, null, 2)}\n`);
  if (options.json) {
    options.io.stdout.write(`${JSON.stringify({ out: options.out, changes: result.changes }, null, 2)}\n`);
    return;
  }
  for (const change of result.changes) options.io.stdout.write(`${describeChange(change)}\n`);
  options.io.stderr.write(`wrote ${options.out} (${result.changes.length} change${result.changes.length === 1 ? '' : 's'})\n`);
}

function describeChange(change: { path: string; kind: string; before?: unknown; after?: unknown }): string {
  const show = (value: unknown): string => JSON.stringify(value);
  if (change.kind === 'added') return `+ ${change.path} = ${show(change.after)}`;
  if (change.kind === 'removed') return `- ${change.path} (was ${show(change.before)})`;
  return `~ ${change.path}: ${show(change.before)} → ${show(change.after)}`;
}
