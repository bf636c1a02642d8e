import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cli } from '../helpers/run-cli-in-process.ts';
import { describe, expect, it } from 'vitest';

/** The published bin as a real process, for what only a process can show. */
async function processCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['api/cli/valuegate.js', ...args], { encoding: 'utf8', timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'valuegate-cli-'));

describe('valuegate CLI', () => {
  it('validates every fixture', async () => {
    for (const fixture of ['contact-center-assistant', 'finance-cost-anomaly', 'document-processing']) {
      const result = await cli('validate', `fixtures/${fixture}.json`);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/valid \(format v1\)/);
    }
  });

  it("validates the bench's reference model: the performance notes' 20 uncertain inputs over 60 months", async () => {
    const result = await cli('validate', 'test/bench/reference-model.json');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/20 inputs \(20 uncertain\), 2 benefit lines, 9 cost lines, 60 months/);
  });

  it('simulates a fixture as JSON with the requested trials and seed', async () => {
    const result = await cli('simulate', 'fixtures/document-processing.json', '--trials', '3000', '--seed', '9', '--json');
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.summary.trials).toBe(3000);
    expect(json.summary.seed).toBe(9);
    expect(json.summary.outputs.npv.finiteCount).toBe(3000);
    expect(Object.keys(json.summary.outputs.npv.percentiles)).toEqual(['p5', 'p10', 'p50', 'p90', 'p95']);
    expect(json.pointEstimate.npv).toMatch(/^-?\d+\.\d{2}$/);
  });

  it('simulates until the mean NPV is known to ±0.5 % (95 % CI), and the last run repeats from its trials and seed', async () => {
    const result = await cli('simulate', 'fixtures/document-processing.json', '--precision', '0.5%', '--seed', '3', '--json');
    expect(result.code, result.stderr).toBe(0);
    const { summary } = JSON.parse(result.stdout);
    const precision = summary.precision;
    expect(precision.runs).toEqual([16_384, 32_768]);
    expect(precision).toMatchObject({ outputId: 'npv', trials: 32_768, target: 0.005, met: true });
    expect(summary.trials).toBe(32_768);
    // What "met" means, from the summary itself: 1.96 s.e. within 0.5 % of the mean.
    const npv = summary.outputs.npv;
    expect(precision.halfWidth).toBeCloseTo(1.959963984540054 * npv.standardError, 6);
    expect(precision.halfWidth / Math.abs(npv.mean)).toBeLessThanOrEqual(0.005);
    const repeat = JSON.parse((await cli('simulate', 'fixtures/document-processing.json', '--trials', '32768', '--seed', '3', '--json')).stdout);
    expect(repeat.summary.outputs.npv.mean).toBe(npv.mean);
    const text = await cli('simulate', 'fixtures/document-processing.json', '--precision', '0.5%', '--seed', '3');
    expect(text.stdout).toMatch(/Precision: 95 % CI of the mean NPV ±0\.4\d% of it after 32,768 trials, target ±0\.5%: met/);
    expect(text.stderr).toMatch(/precision: mean npv ±0\.6\d+ % at 16,384 trials, target ±0\.5 %; doubling/);
  });

  it('rejects a precision it cannot meet or an output it cannot control, naming the flag', async () => {
    for (const [args, message] of [
      [['--precision', '0'], /--precision must be a share of the mean between 0 and 100 %/],
      [['--precision', '0.5'], /would allow ±50 % of the mean; write a percent such as 0.5%/],
      [['--precision', '1%', '--output', 'nvp'], /--output: unknown output "nvp".*did you mean "npv"/],
      [['--output', 'roi'], /simulate takes --output only with --precision/],
      [['--precision', '1%', '--output', 'irr'], /the mean of irrAnnual leaves out the trials that never pay back or have no rate/],
    ] as const) {
      const result = await cli('simulate', 'fixtures/document-processing.json', ...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });

  it('prints the readable report with every table', async () => {
    const result = await cli('simulate', 'fixtures/finance-cost-anomaly.json', '--trials', '2000');
    expect(result.code, result.stderr).toBe(0);
    for (const heading of ['P(NPV > 0)', 'Full cost by category', 'Pilot vs production', 'Hidden costs?']) expect(result.stdout).toContain(heading);
    // A share that rounds to 0 % still says how many trials it is.
    const irrClasses = /positive \(([^,]+), (\d+) trials\), undefined where no single rate solves NPV = 0 \(([^,]+), (\d+) trials\)/.exec(result.stdout);
    expect(irrClasses, result.stdout).not.toBeNull();
    const json = JSON.parse((await cli('simulate', 'fixtures/finance-cost-anomaly.json', '--trials', '2000', '--json')).stdout);
    expect(Number(irrClasses![2])).toBe(json.summary.outputs.irrAnnual.negativeInfiniteCount);
    expect(Number(irrClasses![4])).toBe(json.summary.outputs.irrAnnual.undefinedCount);
  });

  it.each([
    [['simulate'], /simulate needs a case FILE/],
    [['simulate', 'fixtures/document-processing.json', '--trials', 'many'], /--trials must be a whole number, got "many"/],
    [['simulate', 'fixtures/document-processing.json', '--trials', '0'], /--trials must be between 1 and/],
    [['simulate', 'fixtures/document-processing.json', '--sampling', 'sobol'], /--sampling must be "mc" or "lhs"/],
    [['simulate', 'fixtures/document-processing.json', '--frobnicate'], /--frobnicate: unknown option/],
    [['simulate', 'fixtures/document-processing.json', '--trails', '5000'], /--trails: unknown option; did you mean --trials\?/],
    [['simulate', 'fixtures/document-processing.json', '--trials', '-5'], /--trials must be between 1 and 10,000,000, got -5/],
    [['simulaet', 'fixtures/document-processing.json'], /unknown command "simulaet"; did you mean "simulate"\?/],
    [
      ['compare', 'fixtures/document-processing.json', 'fixtures/finance-cost-anomaly.json', '--exchange-rate', '0'],
      /--exchange-rate must be a positive number/,
    ],
    [['launch'], /unknown command "launch"/],
    [['sensitivity', 'fixtures/document-processing.json', '--method', 'morris'], /--method must be one of/],
    [['sensitivity', 'fixtures/document-processing.json', '--output', 'npvv'], /unknown output "npvv".*did you mean "npv"/],
    [['sensitivity', 'fixtures/document-processing.json', '--percentiles', '90,10'], /--percentiles must be two percentiles/],
    [['compare', 'fixtures/contact-center-assistant.json', '--variant', 'withoutKb'], /did you mean "withoutKbCleanup"/],
    [['simulate', 'fixtures/nope.json'], /cannot read the file \(ENOENT\)/],
  ])('exits 2 with a usage message for %j', async (args, message) => {
    const result = await cli(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('(see valuegate --help)');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 1 naming the JSON path for an invalid case, and for a file that is not JSON', async () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ formatVersion: 1, name: 'x', horizonMonth: 12 }));
    const result = await cli('validate', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('/horizonMonth: unknown field (did you mean "horizonMonths"?)');
    const notJson = join(tmp, 'not.json');
    writeFileSync(notJson, '{ "formatVersion": 1, ');
    const syntax = await cli('simulate', notJson);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(/not valid JSON/);
  });

  it('exits 1 on a draft and prints its to-do list in words; a complete case with warnings exits 0', async () => {
    const draft = join(tmp, 'draft.json');
    writeFileSync(draft, JSON.stringify({ formatVersion: 1, name: 'Invoice-matching copilot', ownership: { sponsor: 'CFO', businessOwner: 'AP lead' } }));
    const result = await cli('validate', draft);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe(`${draft}: a draft, not yet runnable (8 things to do)`);
    expect(lines[1]).toBe('To do before it can run (8):');
    expect(lines).toContain('  - Horizon (months): Set the horizon in months: how long the case runs, e.g. 36 (/horizonMonths)');
    expect(lines).toContain('To do before the gate can recommend scaling (8):');
    expect(lines).toContain(
      '  - Baseline metrics: Add at least one baseline metric: the gate recommends keep-as-research until one is quantified (/baseline/metrics)',
    );
    const json = JSON.parse((await cli('validate', draft, '--json')).stdout);
    expect(json).toMatchObject({ valid: false, complete: false, warnings: [] });
    expect(json.todo).toHaveLength(16);

    const document = JSON.parse(readFileSync('fixtures/document-processing.json', 'utf8'));
    document.benefits[0].amount = `${document.benefits[0].amount} / (month - 3)`;
    const warned = join(tmp, 'warned.json');
    writeFileSync(warned, JSON.stringify(document));
    const complete = await cli('validate', warned);
    expect(complete.code, complete.stderr).toBe(0);
    expect(complete.stdout).toContain(`warning: /benefits/0/amount: benefit '${document.benefits[0].label}' is ∞ in month 3: division by zero`);
  });

  it('runs every analysis command on a fixture as JSON', async () => {
    const file = 'fixtures/document-processing.json';
    const tornado = JSON.parse((await cli('sensitivity', file, '--json')).stdout);
    expect(tornado.bars.length).toBeGreaterThan(5);
    expect(tornado.bars[0].swing).toBeGreaterThanOrEqual(tornado.bars[1].swing);
    const rank = JSON.parse((await cli('sensitivity', file, '--method', 'rank', '--trials', '2000', '--json')).stdout);
    expect(rank.rows[0]).toHaveProperty('standardizedCoefficient');
    const voi = JSON.parse((await cli('voi', file, '--trials', '4000', '--json')).stdout);
    expect(voi.evpi.value).toBeGreaterThanOrEqual(0);
    const gate = JSON.parse((await cli('gate', file, '--trials', '4000', '--json')).stdout);
    expect(['scale', 'redesign', 'stop', 'keepAsResearch']).toContain(gate.recommendation);
    expect(gate.criteria.length).toBeGreaterThan(3);
    const compare = JSON.parse((await cli('compare', file, file, '--trials', '2000', '--json')).stdout);
    expect(compare.difference.sd).toBe(0);
  });

  it('applies portfolio-level decision rules to the gate and rejects bad rule files', async () => {
    const rules = join(tmp, 'rules.json');
    writeFileSync(rules, JSON.stringify({ scaleMinProbabilityPositive: 0.99 }));
    const strict = JSON.parse((await cli('gate', 'fixtures/document-processing.json', '--trials', '4000', '--rules', rules, '--json')).stdout);
    expect(strict.rulesUsed.scaleMinProbabilityPositive).toBe(0.99);
    const bad = join(tmp, 'bad-rules.json');
    writeFileSync(bad, JSON.stringify({ scaleMinProbability: 0.6 }));
    const result = await cli('gate', 'fixtures/document-processing.json', '--rules', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('did you mean "scaleMinProbabilityPositive"?');
  });

  it('prints a JSON Schema for editors', async () => {
    const result = await cli('schema');
    const schema = JSON.parse(result.stdout);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.properties.inputs).toBeDefined();
    expect(schema.additionalProperties).toBe(false);
  });

  it('as a real process: the bin validates a fixture on stdout and exits 0', async () => {
    const result = await processCli('validate', 'fixtures/document-processing.json');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/valid \(format v1\)/);
  });

  it('as a real process: an invalid case exits 1 and a usage error exits 2, on stderr', async () => {
    const invalid = join(tmp, 'invalid-process.json');
    writeFileSync(invalid, JSON.stringify({ formatVersion: 1 }));
    const [bad, usage] = await Promise.all([processCli('validate', '--json', invalid), processCli('launch')]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).valid).toBe(false);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe('');
    expect(usage.stderr).toMatch(/valuegate: unknown command "launch" \(see valuegate --help\)\n$/);
  });

  it('refuses to compare money in two currencies without a rate (exit 1 naming both), and prints the rate beside every converted figure', async () => {
    const refused = await cli('compare', 'fixtures/contact-center-assistant.json', 'fixtures/finance-cost-anomaly.json', '--trials', '2000');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/case A is in EUR and case B in USD.*--exchange-rate/);
    const converted = await cli(
      'compare',
      'fixtures/contact-center-assistant.json',
      'fixtures/finance-cost-anomaly.json',
      '--trials',
      '2000',
      '--seed',
      '3',
      '--exchange-rate',
      '0.5',
      '--json',
    );
    expect(converted.code).toBe(0);
    const result = JSON.parse(converted.stdout);
    expect(result.conversion).toEqual({ currency: 'EUR', from: 'USD', rate: 0.5 });
    const plain = await cli('compare', 'fixtures/finance-cost-anomaly.json', 'fixtures/finance-cost-anomaly.json', '--trials', '2000', '--seed', '3', '--json');
    // Same seed, same B: converted at 0.5, its mean NPV is exactly half the dollar figure.
    expect(result.b.mean).toBeCloseTo(JSON.parse(plain.stdout).b.mean * 0.5, 6);
    const text = await cli(
      'compare',
      'fixtures/contact-center-assistant.json',
      'fixtures/finance-cost-anomaly.json',
      '--trials',
      '2000',
      '--exchange-rate',
      '0.5',
    );
    expect(text.stdout).toMatch(/1 USD = 0,5 EUR/);
    expect(text.stdout).toMatch(/B \(USD at 0,5 EUR\/USD\)/);
    const roi = await cli(
      'compare',
      'fixtures/contact-center-assistant.json',
      'fixtures/finance-cost-anomaly.json',
      '--trials',
      '2000',
      '--output',
      'roi',
      '--json',
    );
    expect(roi.code).toBe(0);
    expect(JSON.parse(roi.stdout).conversion).toBeUndefined();
  });
});
