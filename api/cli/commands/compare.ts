import { AnalysisError, compareCases } from '../../../models/analysis/index.ts';
import { applyVariant, VariantError } from '../../../models/case/apply-variant.ts';
import { formatCaseIssue } from '../../../models/case/case-error.ts';
import { validateCase } from '../../../models/compile/validate-case.ts';
import type { CliCommand, CommandOptions } from '../cli-command.ts';
import { analysisSettings, InvalidCase, loadValidCase, print, withAnalysisErrors } from '../command-helpers.ts';
import { renderCompare } from '../render-analyses.ts';
import { UsageError } from '../usage-error.ts';

/**
 * `valuegate compare A B` or `compare FILE --variant NAME`: the difference between two cases, trial by trial.
 *
 * @example
 * await runCli(['compare', 'a.json', 'b.json', '--exchange-rate', '1.08']);
 */
export const compareCommand: CliCommand = {
  name: 'compare',
  usage: ['A B [--output npv] [--exchange-rate R] [--representativeness F] [--json]', 'FILE --variant NAME [--representativeness F] [--json]'],
  run: runCompare,
};

async function runCompare(options: CommandOptions): Promise<void> {
  const [, fileA, fileB, ...extra] = options.positionals;
  if (!fileA) throw new UsageError('compare needs two case files A B, or FILE --variant NAME');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (options.variant !== undefined && fileB) throw new UsageError('give either two files or --variant, not both');
  if (options.variant === undefined && !fileB) throw new UsageError('compare needs two case files A B, or FILE --variant NAME');
  const a = loadValidCase(fileA, options);
  let b: ReturnType<typeof loadValidCase>;
  let nameB: string;
  if (options.variant !== undefined) {
    let variant: ReturnType<typeof applyVariant>;
    try {
      variant = applyVariant(a.case, options.variant);
    } catch (error) {
      if (error instanceof VariantError) throw new UsageError(`--variant: ${error.message}${error.hint ? ` (did you mean "${error.hint}"?)` : ''}`);
      throw error;
    }
    const result = validateCase(variant.document, { representativenessFactors: options.representativenessFactors });
    if (!result.ok)
      throw new InvalidCase(`${fileA} variant "${options.variant}": invalid\n${result.issues.map((issue) => `  ${formatCaseIssue(issue)}`).join('\n')}`);
    b = result;
    nameB = `${a.case.name} — ${variant.label}`;
  } else {
    b = loadValidCase(fileB, options);
    nameB = b.case.name;
  }
  const settings = analysisSettings(options, a.case);
  const money = { currencyA: a.case.currency, currencyB: b.case.currency, exchangeRate: options.exchangeRate };
  await withAnalysisErrors(() => {
    let result: ReturnType<typeof compareCases>;
    try {
      result = compareCases(a.model, b.model, settings, options.output ?? 'npv', money);
    } catch (error) {
      // Two currencies without a rate is a property of the cases, not a typo in a flag: exit 1.
      if (error instanceof AnalysisError && error.field === 'exchangeRate' && options.exchangeRate === undefined) {
        throw new InvalidCase(`${fileA} and ${fileB}: ${error.message.replace('give an exchange rate', 'give --exchange-rate')}`);
      }
      throw error;
    }
    print(options, result, () => renderCompare(a.case, a.case.name, nameB, result));
  });
}
