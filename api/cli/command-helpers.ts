import { formatCaseIssue } from '../../models/case/case-error.ts';
import { validateCase } from '../../models/compile/validate-case.ts';
import { AnalysisError } from '../../models/analysis/index.ts';
import { nonFiniteAsString } from '../../models/engine/json-numbers.ts';
import { resolveSettings, type ResolvedSettings } from '../../models/pipeline/index.ts';
import type { CommandOptions } from './cli-command.ts';
import type { CliOptions } from './parse-options.ts';
import { readCaseFile } from './read-case-file.ts';
import { UsageError } from './usage-error.ts';

/** Thrown for an invalid case file; printed without a stack trace, exit code 1. */
export class InvalidCase extends Error {}

/**
 * Prints the result as JSON with --json, else the rendered text.
 *
 * @example
 * print(options, result, () => renderVoi(bc, result));
 */
export function print(options: CommandOptions, json: unknown, text: () => string): void {
  options.io.stdout.write(options.json ? JSON.stringify(json, nonFiniteAsString, 2) + '\n' : text() + '\n');
}

/**
 * Analyses resolve their settings as runs do: the flags, else the case's own, else the
 * defaults; the representativeness factors from `--representativeness`, else 1, ½, ¼.
 *
 * @example
 * analysisSettings({ ...options, trials: 5000 }, bc) // { trials: 5000, seed: 1, sampling: 'lhs', representativenessFactors: { … } }
 */
export function analysisSettings(options: CliOptions, bc: { simulation?: { trials?: number; seed?: number; sampling?: 'mc' | 'lhs' } }): ResolvedSettings {
  return resolveSettings(bc, {
    trials: options.trials,
    seed: options.seed,
    sampling: options.sampling,
    representativenessFactors: options.representativenessFactors,
  });
}

/**
 * Analysis settings errors are usage errors: they name the option.
 *
 * @example
 * await withAnalysisErrors(() => tornadoAnalysis(model, { output }));
 */
export async function withAnalysisErrors<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AnalysisError) {
      throw new UsageError(`--${error.field === 'output' ? 'output' : error.field}: ${error.message}${error.hint ? ` (did you mean "${error.hint}"?)` : ''}`);
    }
    throw error;
  }
}

/**
 * The one case FILE a command takes; anything more is a usage error.
 *
 * @example
 * requireFile(options, 'voi') // 'case.json'
 */
export function requireFile(options: CliOptions, command: string): string {
  const [file, ...extra] = options.positionals.slice(1);
  if (!file) throw new UsageError(`${command} needs a case FILE`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  return file;
}

/**
 * Reads and validates a case file, its evidence weighed by `--representativeness` when
 * given; an invalid one throws InvalidCase listing its issues.
 *
 * @example
 * const { case: bc, model } = loadValidCase('case.json', options);
 */
export function loadValidCase(file: string, options: Pick<CliOptions, 'representativenessFactors'> = {}) {
  const result = validateCase(readCaseFile(file), { representativenessFactors: options.representativenessFactors });
  if (!result.ok) throw new InvalidCase(`${file}: invalid case\n${result.issues.map((issue) => `  ${formatCaseIssue(issue)}`).join('\n')}`);
  return result;
}
