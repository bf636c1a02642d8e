import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/run-cli-in-process.ts';
import { describe, expect, it } from 'vitest';
import { createDistribution } from '../../models/distributions/create-distribution.ts';

const tmp = mkdtempSync(join(tmpdir(), 'valuegate-evidence-'));

/** The contact-center fixture with a curated timed sample of handle-time minutes saved, written to a file. */
function caseFile(name: string, evidence: object | undefined, samplingCost?: object): string {
  const doc = JSON.parse(readFileSync('fixtures/contact-center-assistant.json', 'utf8'));
  if (evidence) doc.inputs.minutesSavedPerContact.evidence = { representativeness: 'curated', takenOn: '2026-03-31', takenBy: 'WFM analyst', ...evidence };
  if (samplingCost) doc.inputs.minutesSavedPerContact.samplingCost = samplingCost;
  const file = join(tmp, `${name}.json`);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

const withSummary = caseFile('summary', { summary: { n: 60, mean: 0.8, sd: 1.2 } }, { fixed: 4000, perObservation: 25 });

describe('valuegate evidence', () => {
  it('prints the stated and updated distribution, EVPPI and the gate before and after', async () => {
    const result = await cli('evidence', withSummary, '--trials', '2000');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/summary of 60 measurements by WFM analyst on 2026-03-31, curated: counted as 15/);
    expect(result.stdout).toMatch(/stated range \(prior\)/);
    expect(result.stdout).toMatch(/updated \(simulated\)/);
    expect(result.stdout).toMatch(/EVPPI .* before → .* after/);
    expect(result.stdout).toMatch(/Gate before the evidence: [A-Z ]+: P\(NPV > 0\)/);
    expect(result.stdout).toMatch(/Gate with the evidence: +[A-Z ]+: P\(NPV > 0\)/);
  });

  it('--json gives the conjugate figures: a matched normal prior updated by 15 effective observations', async () => {
    const result = await cli('evidence', withSummary, '--trials', '2000', '--json');
    expect(result.code, result.stderr).toBe(0);
    const [row] = JSON.parse(result.stdout).inputs;
    const triangle = createDistribution({ type: 'triangular', min: 0.5, mode: 1, max: 2 });
    const precision = 1 / triangle.variance() + 15 / 1.44;
    expect(row.updated.parameters.mean).toBeCloseTo((triangle.mean() / triangle.variance() + (15 * 0.8) / 1.44) / precision, 12);
    expect(row.updated.parameters.sd).toBeCloseTo(Math.sqrt(1 / precision), 12);
    expect(row.evppiBefore.value).toBeGreaterThan(0);
  });

  it('says so when no input has evidence', async () => {
    const result = await cli('evidence', 'fixtures/document-processing.json', '--trials', '1000');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/no input has evidence/);
  });

  it('exits 2 with one line without a file, 1 for bad evidence naming the field', async () => {
    const usage = await cli('evidence');
    expect(usage.code).toBe(2);
    expect(usage.stderr.trim().split('\n')).toHaveLength(1);
    const bad = await cli('evidence', caseFile('bad', { summary: { n: 60, mean: 0.8, sd: 0 } }));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/\/inputs\/minutesSavedPerContact\/evidence\/summary\/sd: the standard deviation must be greater than 0/);
  });
});

describe('valuegate evsi', () => {
  it('prints EVSI(n) with its s.e., net value and the best n; EVSI ≤ EVPPI and grows towards it', async () => {
    const result = await cli('evsi', withSummary, '--input', 'minutesSavedPerContact', '--n', '10,30,100,300,3000', '--trials', '4000', '--json');
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.sdSource).toBe('evidence');
    expect(json.sampleModel).toEqual({ kind: 'normal', sd: 1.2 });
    expect(json.cost).toEqual({ fixed: 4000, perObservation: 25 });
    for (const row of json.rows) {
      expect(row.evsi).toBeLessThanOrEqual(json.evppi.value);
      expect(row.cost).toBe(4000 + 25 * row.n);
      expect(row.netValue).toBeCloseTo(row.evsi - row.cost, 6);
    }
    expect(json.rows.at(-1).evsi).toBeGreaterThan(json.rows[0].evsi);
    const best = json.rows.reduce((a: { netValue: number }, b: { netValue: number }) => (b.netValue > a.netValue ? b : a));
    expect(json.bestN).toBe(best.netValue > 0 ? best.n : null);
    const text = await cli(
      'evsi',
      withSummary,
      '--input',
      'minutesSavedPerContact',
      '--trials',
      '2000',
      '--cost-fixed',
      '1000',
      '--cost-per-observation',
      '10',
    );
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Cost: 1\.000\s€ fixed \+ 10\s€ per observation/);
    expect(text.stdout).toMatch(/Best n in the grid|No sample size in the grid/);
  });

  it('asks for --sd when the input has no evidence to take it from', async () => {
    const result = await cli('evsi', 'fixtures/contact-center-assistant.json', '--input', 'minutesSavedPerContact', '--trials', '1000');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--sd: give the expected sd of one observation/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('usage errors: no --input, an unknown input with a hint, a bad --n', async () => {
    expect((await cli('evsi', withSummary)).stderr).toMatch(/evsi needs --input NAME/);
    const unknown = await cli('evsi', withSummary, '--input', 'minutesSavedPerContakt', '--sd', '1', '--trials', '1000');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--input: unknown input "minutesSavedPerContakt" \(did you mean "minutesSavedPerContact"\?\)/);
    const n = await cli('evsi', withSummary, '--input', 'minutesSavedPerContact', '--n', '10,abc');
    expect(n.code).toBe(2);
    expect(n.stderr).toMatch(/--n must be/);
  });
});
