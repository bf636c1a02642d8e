import { formatCaseIssue } from '../../../models/case/case-error.ts';
import { validateDraft } from '../../../models/compile/validate-draft.ts';
import type { CliCommand, CommandOptions } from '../cli-command.ts';
import { InvalidCase, requireFile } from '../command-helpers.ts';
import { readCaseFile } from '../read-case-file.ts';
import { renderTodo } from '../render-todo.ts';
import { EXIT } from '../usage-error.ts';

/**
 * `valuegate validate FILE`: checks a case file and summarises it. Exit 1 when it does
 * not parse (every problem with its JSON pointer) or is a draft that cannot run yet (its
 * to-do list in words); exit 0 when complete, with its warnings and what the gate still needs.
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
  const result = validateDraft(readCaseFile(file));
  if (options.json) {
    const out = result.ok
      ? { valid: result.complete, complete: result.complete, todo: result.todo, warnings: result.warnings }
      : { valid: false, complete: false, issues: result.issues };
    options.io.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return result.ok && result.complete ? EXIT.ok : EXIT.invalidCase;
  }
  if (!result.ok) throw new InvalidCase(`${file}: invalid case\n${result.issues.map((issue) => `  ${formatCaseIssue(issue)}`).join('\n')}`);
  if (!result.validated) {
    const missing = result.todo.filter((item) => item.blocks === 'run').length;
    throw new InvalidCase(`${file}: a draft, not yet runnable (${missing} thing${missing === 1 ? '' : 's'} to do)\n${renderTodo(result.todo).trimEnd()}`);
  }
  const bc = result.validated.case;
  const inputs = Object.values(bc.inputs);
  const uncertain = inputs.filter((input) => input.distribution.type !== 'fixed').length;
  options.io.stdout.write(
    `${file}: valid (format v1) — "${bc.name}", ${inputs.length} inputs (${uncertain} uncertain), ` +
      `${bc.benefits.length} benefit lines, ${bc.costs.length} cost lines, ${bc.horizonMonths} months\n`,
  );
  for (const warning of result.warnings) options.io.stdout.write(`warning: ${formatCaseIssue(warning)}\n`);
  options.io.stdout.write(renderTodo(result.todo));
}
