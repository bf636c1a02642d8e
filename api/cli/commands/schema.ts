import { z } from 'zod';
import { caseSchema } from '../../../models/case/case-schema.ts';
import type { CliCommand, CommandOptions } from '../cli-command.ts';
import { UsageError } from '../usage-error.ts';

/**
 * `valuegate schema`: prints the case format as JSON Schema.
 *
 * @example
 * await runCli(['schema']); // writes the JSON Schema to stdout
 */
export const schemaCommand: CliCommand = {
  name: 'schema',
  usage: [''],
  summary: 'print the case-file JSON Schema',
  run: runSchema,
};

function runSchema(options: CommandOptions): void {
  if (options.positionals.length > 1) throw new UsageError(`unexpected argument "${options.positionals[1]}"`);
  options.io.stdout.write(JSON.stringify(caseJsonSchema(), null, 2) + '\n');
}

/**
 * The case format as JSON Schema (draft 2020-12), for editors.
 *
 * @example
 * caseJsonSchema().title // 'valuegate business case (format v1)'
 */
export function caseJsonSchema(): object {
  return {
    ...z.toJSONSchema(caseSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'valuegate business case (format v1)',
  };
}
