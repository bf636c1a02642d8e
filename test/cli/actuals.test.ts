import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/run-cli-in-process.ts';
import { describe, expect, it } from 'vitest';
import type { ActualsReport } from '../../models/contract/actuals-resources.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

const tmp = mkdtempSync(join(tmpdir(), 'valuegate-actuals-'));
const write = (name: string, text: string): string => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

/** The benefit line "flat" is U(500, 1500) each month: P10 600, P25 750, P90 1400. */
const caseFile = write(
  'case.json',
  JSON.stringify(
    minimalCase({
      horizonMonths: 12,
      simulation: { trials: 3000, seed: 3 },
      inputs: {
        benefitPerMonth: { unit: 'EUR/month', source: 'test', distribution: { type: 'uniform', min: 500, max: 1500 } },
        setupCost: { unit: 'EUR', source: 'test', distribution: { type: 'fixed', value: 5000 } },
        runCost: { unit: 'EUR/month', source: 'test', distribution: { type: 'fixed', value: 100 } },
      },
    }),
  ),
);

describe('valuegate actuals', () => {
  it('prints each actual with its percentile, the re-gate flag and NPV before and after', async () => {
    const csv = write('ok.csv', 'month,series,value\n2027-01,benefit:flat,750\n2027-02,benefit:flat,580\n2027-03,benefit:flat,570\n');
    const text = await cli('actuals', caseFile, csv);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Flat benefit \(benefit:flat, EUR\)/);
    expect(text.stdout).toMatch(/2027-01\s+€750\s+P25\s/);
    expect(text.stdout).toMatch(/Re-gate: outside P10–P90 in 2027-02, 2027-03\./);
    expect(text.stdout).toMatch(/P\(NPV > 0\)/);
    expect(text.stdout).toMatch(/Effective sample size: /);

    const json = await cli('actuals', caseFile, csv, '--json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as ActualsReport;
    const flat = report.series.find((s) => s.id === 'benefit:flat')!;
    expect(flat.observations[0].pit).toBeCloseTo(0.25, 2);
    expect(flat.fan[0].p90).toBeCloseTo(1400, 0);
    expect(report.regate.flagged).toBe(true);
    expect(report.updatedForecast.storedTrials).toBe(3000);
    expect(report.updatedForecast.npv.updated).not.toBeNull();
  });

  it('names the row and column of a bad cell and exits 1', async () => {
    const csv = write('bad.csv', 'month,series,value\n2027-01,benefit:flat,750\n2027-02,benefit:flat,lots\n2027-15,net,1\n');
    const result = await cli('actuals', caseFile, csv);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('row 2, column value: must be a number');
    expect(result.stderr).toContain('row 3, column month: must be a calendar month as YYYY-MM');
    expect(result.stdout).toBe('');
    const missing = await cli('actuals', caseFile, join(tmp, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read the actuals (ENOENT)');
  });

  it('exits 2 on a usage error', async () => {
    expect((await cli('actuals', caseFile)).code).toBe(2);
    expect((await cli('actuals', caseFile, 'a.csv', 'b.csv')).code).toBe(2);
  });
});
