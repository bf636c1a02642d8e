import { formatCaseIssue } from '../../../models/case/case-error.ts';
import { validateCase } from '../../../models/compile/validate-case.ts';
import type { CliCommand, CommandOptions } from '../cli-command.ts';
import { InvalidCase, requireFile } from '../command-helpers.ts';
import { readCaseFile } from '../read-case-file.ts';
import { EXIT } from '../usage-error.ts';

/**
 * `valuegate validate FILE`: checks a case file and summarises it; exit 1 when invalid.
 *
 * @example
 * await runCli(['validate', 'case.json', '--json']); // 0 or 1
 */
export const validateCommand: CliCommand = {
  name: 'validate',
  usage: ['FILE [--json]'],
  run: runValidate,
};

function runValidate(options: CommandOptions): number | void {
  const file = requireFile(options, 'validate');
  const result = validateCase(readCaseFile(file));
  if (options.json) {
    options.io.stdout.write(JSON.stringify(result.ok ? { valid: true, warnings: result.warnings } : { valid: false, issues: result.issues }, null, 2) + '\n');
    return result.ok ? EXIT.ok : EXIT.invalidCase;
  }
  if (!result.ok) throw new InvalidCase(`${file}: invalid case\n${result.issues.map((issue) => `  ${formatCaseIssue(issue)}`).join('\n')}`);
  const inputs = Object.values(result.case.inputs);
  const uncertain = inputs.filter((input) => input.distribution.type !== 'fixed').length;
  options.io.stdout.write(
    `${file}: valid (format v1) — "${result.case.name}", ${inputs.length} inputs (${uncertain} uncertain), ` +
      `${result.case.benefits.length} benefit lines, ${result.case.costs.length} cost lines, ${result.case.horizonMonths} months\n`,
  );
  for (const warning of result.warnings) options.io.stdout.write(`warning: ${formatCaseIssue(warning)}\n`);
}
