import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assumptionColumn } from '../../api/services/xlsx/assumption-columns.ts';
import { pointEstimate } from '../../models/engine/point-estimate.ts';
import { validateCase } from '../../models/compile/validate-case.ts';
import { minimalCase } from '../helpers/minimal-case.ts';
import { cli } from '../helpers/run-cli-in-process.ts';

const DIR = resolve(import.meta.dirname, '../../test-artifacts/cli-xlsx');
const file = (name: string): string => join(DIR, name);
const CASE = minimalCase({
  inputs: {
    ...minimalCase().inputs,
    hours: { label: 'Hours saved a month', unit: 'hours/month', source: 'pilot', distribution: { type: 'triangular', min: 10, mode: 20, max: 40 } },
  },
  benefits: [{ id: 'flat', label: 'Flat benefit', amount: 'benefitPerMonth + hours * 30', scaleByAdoption: true }],
});

describe('valuegate export --format xlsx and import-xlsx', () => {
  beforeAll(() => {
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file('case.json'), JSON.stringify(CASE, null, 2));
    writeFileSync(file('broken.json'), JSON.stringify({ ...CASE, horizonMonths: -1 }));
  });

  it('usage errors exit 2, an invalid case exits 1', async () => {
    expect((await cli('export', file('case.json'), '--out', file('x.xlsx'))).code).toBe(2);
    expect((await cli('export', file('case.json'), '--format', 'csv', '--out', file('x.xlsx'))).stderr).toMatch(/--format must be "xlsx"/);
    expect((await cli('export', file('case.json'), '--format', 'xlsx')).code).toBe(2);
    expect((await cli('export', '--format', 'xlsx', '--out', file('x.xlsx'))).code).toBe(2);
    const invalid = await cli('export', file('broken.json'), '--format', 'xlsx', '--out', file('x.xlsx'));
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/horizonMonths/);
    expect(existsSync(file('x.xlsx'))).toBe(false);
    expect((await cli('import-xlsx', file('case.xlsx'), '--out', file('new.json'))).code).toBe(2);
    expect((await cli('import-xlsx', file('case.xlsx'), '--case', file('case.json'))).code).toBe(2);
  });

  it('exports the live workbook offline, then imports an edited copy as a new case file', async () => {
    const exported = await cli('export', file('case.json'), '--format', 'xlsx', '--out', file('case.xlsx'), '--trials', '500', '--seed', '9');
    expect(exported.code, exported.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file('case.xlsx'));
    expect(String(workbook.getWorksheet('Results')!.getCell('A1').value)).toMatch(/seed 9, 500 trials/);
    expect(workbook.definedNames.getRanges('NPV').ranges).toHaveLength(1);
    const sheet = workbook.getWorksheet('Assumptions')!;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'hours') {
        // The point value (the triangular's median) as exported, then the mode edited.
        const validated = validateCase(CASE);
        if (!validated.ok) throw new Error('fixture');
        expect(row.getCell(assumptionColumn('Point value (median)')).value).toBe(Number(pointEstimate(validated.case).inputs.hours));
        row.getCell(assumptionColumn('mode')).value = 25;
        row.getCell(assumptionColumn('Source / rationale')).value = 'pilot, March';
      }
    });
    await workbook.xlsx.writeFile(file('edited.xlsx'));
    const imported = await cli('import-xlsx', file('edited.xlsx'), '--case', file('case.json'), '--out', file('new.json'));
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout.trim().split('\n')).toEqual(['~ /inputs/hours/source: "pilot" → "pilot, March"', '~ /inputs/hours/distribution/mode: 20 → 25']);
    const next = JSON.parse(readFileSync(file('new.json'), 'utf8'));
    expect(next.inputs.hours.distribution).toEqual({ type: 'triangular', min: 10, mode: 25, max: 40 });
    expect((await cli('simulate', file('new.json'), '--trials', '500')).code).toBe(0);
  });

  it('a cell that does not parse exits 1 naming the sheet and cell, and writes nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file('case.xlsx'));
    workbook.getWorksheet('Assumptions')!.getCell('D2').value = 'twenty';
    await workbook.xlsx.writeFile(file('bad.xlsx'));
    const result = await cli('import-xlsx', file('bad.xlsx'), '--case', file('case.json'), '--out', file('bad.json'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.xlsx: Assumptions!D2: text "twenty" where a number is expected/);
    expect(existsSync(file('bad.json'))).toBe(false);
    writeFileSync(file('not.xlsx'), 'plain text');
    expect((await cli('import-xlsx', file('not.xlsx'), '--case', file('case.json'), '--out', file('bad.json'))).stderr).toMatch(/not an Excel workbook/);
  });
});
