import { z } from 'zod';
import { caseSchema } from '../../models/case/case-schema.ts';
import { formatCaseIssue } from '../../models/case/case-error.ts';
import { validateCase } from '../../models/compile/validate-case.ts';
import {
  AnalysisError,
  breakEvenAnalysis,
  compareCases,
  gateAnalysis,
  measurementCosts,
  sampleSensitivity,
  sobolAnalysis,
  spiderAnalysis,
  tornadoAnalysis,
  valueOfInformation,
} from '../../models/analysis/index.ts';
import { applyVariant, VariantError } from '../../models/case/apply-variant.ts';
import { toCaseIssues } from '../../models/case/zod-issues.ts';
import { closestName } from '../../models/case/closest-name.ts';
import { decisionRulesSchema } from '../../models/gate/decision-rules.ts';
import { nonFiniteAsString } from '../../models/engine/json-numbers.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { pointEstimate } from '../../models/engine/point-estimate.ts';
import { resolveSettings, runCase } from '../../models/pipeline/index.ts';
import { DEFAULT_COST_LIMITS } from '../jobs/job-cost.ts';
import { WorkerPool } from '../workers/worker-pool.ts';
import { parseOptions, type CliOptions } from './parse-options.ts';
import { formatters } from './formatters.ts';
import { progressBar } from './progress-bar.ts';
import { CaseFileSyntaxError, readCaseFile } from './read-case-file.ts';
import { renderSimulation } from './render-simulation.ts';
import {
  renderBreakEven,
  renderCompare,
  renderGate,
  renderSampleSensitivity,
  renderSobol,
  renderSpider,
  renderTornado,
  renderVoi,
} from './render-analyses.ts';
import { USAGE } from './usage.ts';
import { EXIT, UsageError } from './usage-error.ts';

/** Thrown for an invalid case file; printed without a stack trace, exit code 1. */
class InvalidCase extends Error {}

/** Where the CLI writes: the process's streams, or strings collected by a test. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

const PROCESS_IO: CliIo = { stdout: process.stdout, stderr: process.stderr };

/** The parsed options and the streams a command writes to. */
type CommandOptions = CliOptions & { io: CliIo };

/** A command; a number it returns is the exit code (default 0). */
type Command = (options: CommandOptions) => Promise<number | void> | number | void;

const COMMANDS: Record<string, Command> = {
  simulate: simulateCommand,
  validate: validateCommand,
  schema: schemaCommand,
  sensitivity: sensitivityCommand,
  voi: voiCommand,
  compare: compareCommand,
  gate: gateCommand,
};

async function gateCommand(options: CommandOptions): Promise<void> {
  const file = requireFile(options, 'gate');
  const { case: bc, model } = loadValidCase(file);
  const settings = analysisSettings(options, bc);
  const today = new Date().toISOString().slice(0, 10);
  const rules = options.rules ? readRules(options.rules) : undefined;
  const result = gateAnalysis(bc, model, settings, today, { rules });
  print(options, result, () => renderGate(bc, result, settings.trials));
}

const SENSITIVITY_METHODS = ['tornado', 'spider', 'rank', 'sobol', 'breakeven'] as const;

function print(options: CommandOptions, json: unknown, text: () => string): void {
  options.io.stdout.write(options.json ? JSON.stringify(json, nonFiniteAsString, 2) + '\n' : text() + '\n');
}

/** Analyses resolve their settings as runs do: the flags, else the case's own, else the defaults. */
function analysisSettings(options: CliOptions, bc: { simulation?: { trials?: number; seed?: number; sampling?: 'mc' | 'lhs' } }) {
  const { trials, seed, sampling } = resolveSettings(bc, { trials: options.trials, seed: options.seed, sampling: options.sampling });
  return { trials, seed, sampling };
}

async function sensitivityCommand(options: CommandOptions): Promise<void> {
  const file = requireFile(options, 'sensitivity');
  const method = options.method ?? 'tornado';
  if (!(SENSITIVITY_METHODS as readonly string[]).includes(method)) {
    throw new UsageError(`--method must be one of ${SENSITIVITY_METHODS.join(', ')}, got "${method}"`);
  }
  const { case: bc, model } = loadValidCase(file);
  const settings = analysisSettings(options, bc);
  const output = options.output ?? 'npv';
  await withAnalysisErrors(() => {
    switch (method) {
      case 'tornado': {
        const result = tornadoAnalysis(model, { output, lowPercentile: options.percentiles?.[0], highPercentile: options.percentiles?.[1] });
        return print(options, result, () => renderTornado(bc, result));
      }
      case 'spider': {
        const result = spiderAnalysis(model, { output });
        return print(options, result, () => renderSpider(bc, result));
      }
      case 'rank': {
        const run = simulate(model, { ...settings, keepInputs: true, fanTrials: 0 });
        const result = sampleSensitivity(model, run, output);
        return print(options, result, () => renderSampleSensitivity(bc, result));
      }
      case 'sobol': {
        const result = sobolAnalysis(model, { output, seed: settings.seed, baseSamples: options.samples });
        return print(options, result, () => renderSobol(bc, result));
      }
      case 'breakeven': {
        if (output !== 'npv') throw new UsageError('--method breakeven finds where mean NPV crosses zero; it takes no --output');
        const result = breakEvenAnalysis(model, { seed: settings.seed });
        return print(options, result, () => renderBreakEven(bc, result));
      }
    }
  });
}

async function voiCommand(options: CommandOptions): Promise<void> {
  const file = requireFile(options, 'voi');
  const { case: bc, model } = loadValidCase(file);
  const settings = analysisSettings(options, bc);
  const run = simulate(model, { ...settings, keepInputs: true, fanTrials: 0 });
  const result = valueOfInformation(model, measurementCosts(bc), run);
  print(options, result, () => renderVoi(bc, result));
}

async function compareCommand(options: CommandOptions): Promise<void> {
  const [, fileA, fileB, ...extra] = options.positionals;
  if (!fileA) throw new UsageError('compare needs two case files A B, or FILE --variant NAME');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (options.variant !== undefined && fileB) throw new UsageError('give either two files or --variant, not both');
  if (options.variant === undefined && !fileB) throw new UsageError('compare needs two case files A B, or FILE --variant NAME');
  const a = loadValidCase(fileA);
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
    const result = validateCase(variant.document);
    if (!result.ok) throw new InvalidCase(`${fileA} variant "${options.variant}": invalid\n${result.issues.map((issue) => `  ${formatCaseIssue(issue)}`).join('\n')}`);
    b = result;
    nameB = `${a.case.name} — ${variant.label}`;
  } else {
    b = loadValidCase(fileB);
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

/** Portfolio-level decision rules from a JSON file, validated with the case format's rules schema. */
function readRules(file: string) {
  const parsed = decisionRulesSchema.safeParse(readCaseFile(file));
  if (!parsed.success) {
    throw new InvalidCase(`${file}: invalid decision rules\n${toCaseIssues(parsed.error.issues, decisionRulesSchema, readCaseFile(file)).map((issue) => `  ${formatCaseIssue(issue)}`).join('\n')}`);
  }
  return parsed.data;
}


/** Analysis settings errors are usage errors: they name the option. */
async function withAnalysisErrors<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AnalysisError) {
      throw new UsageError(`--${error.field === 'output' ? 'output' : error.field}: ${error.message}${error.hint ? ` (did you mean "${error.hint}"?)` : ''}`);
    }
    throw error;
  }
}

function requireFile(options: CliOptions, command: string): string {
  const [file, ...extra] = options.positionals.slice(1);
  if (!file) throw new UsageError(`${command} needs a case FILE`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  return file;
}

function loadValidCase(file: string) {
  const result = validateCase(readCaseFile(file));
  if (!result.ok) throw new InvalidCase(`${file}: invalid case\n${result.issues.map((issue) => `  ${formatCaseIssue(issue)}`).join('\n')}`);
  return result;
}

async function simulateCommand(options: CommandOptions): Promise<void> {
  const file = requireFile(options, 'simulate');
  const validated = loadValidCase(file);
  const f = formatters(validated.case.currency, validated.case.locale);
  if (options.output !== undefined && options.precision === undefined) throw new UsageError('simulate takes --output only with --precision');
  const request = {
    trials: options.trials,
    seed: options.seed,
    sampling: options.sampling,
    ...(options.precision === undefined ? {} : { precision: { relativeHalfWidth: options.precision, output: options.output } }),
  };
  // The same pool as the server's, used for split runs: threads start only if the run is large enough, without warm-up.
  const pool = new WorkerPool({ ...(options.threads ? { workers: options.threads } : {}), lazy: true, warmUp: false, limits: { global: 1, perToken: 1 }, costs: DEFAULT_COST_LIMITS });
  let bar: ReturnType<typeof progressBar> | undefined;
  let barTotal = 0;
  const onProgress = (done: number, total: number): void => {
    if (total !== barTotal) {
      bar?.done();
      bar = progressBar(total, options.io.stderr as NodeJS.WriteStream);
      barTotal = total;
    }
    bar!(done, total);
  };
  try {
    const started = performance.now();
    const run = await withAnalysisErrors(() =>
      runCase(validated.case, request, pool.host(), {
        validate: () => validated,
        onProgress,
        onPrecisionStep: (report, next) => {
          bar?.done();
          barTotal = 0;
          if (options.json) return;
          options.io.stderr.write(
            `precision: mean ${report.outputId} ±${f.fixed(report.relativeHalfWidth * 100, 2)} % at ${f.count(report.trials)} trials, ` +
              `target ±${f.number(report.target * 100)} %; doubling to ${f.count(next)}\n`,
          );
        },
      }),
    );
    bar?.done();
    const { case: bc, summary, warnings } = run;
    const point = run.pointEstimate!;
    const elapsedMs = performance.now() - started;
    if (options.json) {
      options.io.stdout.write(JSON.stringify({ case: bc.name, currency: bc.currency, summary, pointEstimate: point, warnings, elapsedMs }, nonFiniteAsString, 2) + '\n');
    } else {
      for (const warning of warnings) options.io.stderr.write(`warning: ${formatCaseIssue(warning)}\n`);
      options.io.stdout.write(renderSimulation(bc, summary, point) + '\n');
      options.io.stderr.write(`(${(elapsedMs / 1000).toFixed(2)} s)\n`);
    }
  } finally {
    await pool.close();
  }
}

function validateCommand(options: CommandOptions): number | void {
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

function schemaCommand(options: CommandOptions): void {
  if (options.positionals.length > 1) throw new UsageError(`unexpected argument "${options.positionals[1]}"`);
  options.io.stdout.write(JSON.stringify(caseJsonSchema(), null, 2) + '\n');
}

/** The case format as JSON Schema (draft 2020-12), for editors. */
export function caseJsonSchema(): object {
  return {
    ...z.toJSONSchema(caseSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'valuegate business case (format v1)',
  };
}

let pipeWatched = false;

/** `valuegate schema | head` closes the pipe early: stop quietly, as Unix tools do. */
function quietOnClosedPipe(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
    throw error;
  });
}

/**
 * Runs the CLI and returns the exit code; it never sets process.exitCode, so tests can
 * run it in-process with an `io` that collects the output.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2));
 * let out = ''; await runCli(['schema'], { stdout: { write: (t) => (out += t) }, stderr: { write: () => true } });
 */
export async function runCli(argv: string[], io: CliIo = PROCESS_IO): Promise<number> {
  if (io === PROCESS_IO) quietOnClosedPipe();
  try {
    const options = parseOptions(argv);
    const name = options.positionals[0];
    if (options.help || name === 'help' || (!name && argv.length === 0)) {
      io.stdout.write(USAGE + '\n');
      return argv.length === 0 ? EXIT.usage : EXIT.ok;
    }
    const command = COMMANDS[name];
    if (!command) {
      const hint = closestName(name, Object.keys(COMMANDS));
      throw new UsageError(`unknown command "${name}"${hint ? `; did you mean "${hint}"?` : ''}`);
    }
    return (await command({ ...options, io })) ?? EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`valuegate: ${error.message} (see valuegate --help)\n`);
      return EXIT.usage;
    }
    if (error instanceof InvalidCase || error instanceof CaseFileSyntaxError) {
      io.stderr.write(`${error.message}\n`);
      return EXIT.invalidCase;
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runCli(process.argv.slice(2));
}
