import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { localWorkbook } from '../../api/cli/local-workbook.ts';
import { importWorkbook } from '../../api/services/xlsx-import/index.ts';
import type { BusinessCase } from '../../models/case/case-schema.ts';
import { validateCase } from '../../models/compile/validate-case.ts';
import { pointEstimate, type PointEstimate } from '../../models/engine/point-estimate.ts';
import { pointEstimateTrace, type PointEstimateTrace } from '../../models/engine/point-estimate-trace.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

/**
 * The live workbook recalculated by a real spreadsheet engine: every fixture is exported,
 * LibreOffice Calc (headless, one invocation for all of them) recalculates and saves it,
 * and the recalculated NPV, ROI, IRR and payback must be valuegate's exact point estimate.
 */
/** soffice on the PATH, or '' when LibreOffice is not installed. */
const soffice =
  (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'soffice'))
    .find((path) => existsSync(path)) ?? '';
const SKIP_REASON = 'skipped: soffice (LibreOffice Calc) is not installed; .ci/run installs libreoffice-calc';
const ROOT = resolve(import.meta.dirname, '../..');
const DIR = join(ROOT, 'test-artifacts', 'xlsx-recalc');
const PROFILE = join(ROOT, 'test-artifacts', 'libreoffice-profile');

/** Every formula function, operator and time name, as variables: their month rows must equal the exact decimal values. */
const EVERY_FUNCTION = minimalCase({
  name: 'Every formula function',
  inputs: {
    ...minimalCase().inputs,
    x: { unit: 'share', source: 'test', distribution: { type: 'normal', mean: 0.3, sd: 0.1 } },
    y: { unit: 'count', source: 'test', distribution: { type: 'fixed', value: 2 } },
    // Read by Excel as a cell reference and a workbook name: both get a prefixed defined name.
    abc1: { unit: 'months', source: 'test', distribution: { type: 'fixed', value: 6 } },
    NPV: { unit: 'count', source: 'test', distribution: { type: 'fixed', value: 3 } },
  },
  variables: {
    fMin: 'min(x, y, 1)',
    fMax: 'max(x, y)',
    fAbs: 'abs(-x)',
    fSqrt: 'sqrt(y)',
    fExp: 'exp(x)',
    fLog: 'log(y) + log(y, 3)',
    fLog10: 'log10(y * 50)',
    fPow: 'pow(y, x) + 2^3^2 - -x^2 + (-x)^2',
    fFloorCeil: 'floor(-x * 7) * 10 + ceil(-x * 7)',
    fRound: 'round(month / 2) + round(-month / 2) * 100',
    fClamp: 'clamp(month, 3, 7)',
    fIf: 'if(month > 6 and month < 10, 1, 2) + (month >= 4) * 10 + (month == 5 ? 100 : 0) + (not (month > 3)) * 1000',
    fXor: 'if(month > 3 xor month > 8, 1, 0) + (month != 4 or y == 2)',
    fRamp: 'ramp(3, 9) + ramp(abc1, 2) * 10 + ramp(NPV, abc1) * 100',
    fStep: 'step(5) + between(4, 8) * 10',
    fGrow: 'grow(x)',
    fTrig: 'sin(x) + cos(x) + tan(x) + atan(x) + atan2(x, -y) + sinh(x) + cosh(x) + tanh(x)',
    fMisc: 'sign(x - 0.5) + trunc(-x * 7) + cbrt(-y * 4) + hypot(x, y)',
    fNormal: 'normcdf(x) + norminv(x)',
    fMod: 'month mod 5 + (-month mod 3) * 10 + (month mod (y - 2)) * 100',
    fTime: 'pi * e + horizonMonths + year * 100 + monthOfYear / 100 + adoption * 2',
    fChain: 'fMin * fClamp + fRamp / (1 + fStep)',
  },
  benefits: [{ id: 'flat', label: 'Flat benefit', amount: 'benefitPerMonth * (1 + fChain / 100)', scaleByAdoption: true }],
});

const FIXTURES: [string, unknown][] = [
  // The measured case: an input with evidence, whose named point value is its updated median.
  ...['contact-center-assistant', 'contact-center-assistant-measured', 'document-processing', 'finance-cost-anomaly'].map(
    (name) => [name, JSON.parse(readFileSync(join(ROOT, 'fixtures', `${name}.json`), 'utf8'))] as [string, unknown],
  ),
  ['every-function', EVERY_FUNCTION],
  // The post-launch example wraps its case with its run and actuals (the stopped one reuses finance-cost-anomaly).
  ...['1-scaled-invoice-intake'].map(
    (name) => [name, JSON.parse(readFileSync(join(ROOT, 'fixtures', 'post-launch', `${name}.json`), 'utf8')).case] as [string, unknown],
  ),
];

/** LibreOffice recalculates every formula on load (not only dirty ones), whatever the file says. */
const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

interface Recalculated {
  name: string;
  document: Record<string, unknown>;
  bc: BusinessCase;
  point: PointEstimate;
  trace: PointEstimateTrace;
  workbook: ExcelJS.Workbook;
}

/** The cached result LibreOffice wrote for a defined name's cell. */
function named(workbook: ExcelJS.Workbook, name: string): unknown {
  const [range] = workbook.definedNames.getRanges(name).ranges;
  const [sheet, address] = range.split('!');
  const value = workbook.getWorksheet(sheet.replace(/'/g, ''))!.getCell(address.replace(/\$/g, '')).value as { result?: unknown };
  return value?.result;
}

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(b));

(soffice ? describe : describe.skip)(
  soffice ? 'live workbook recalculated by LibreOffice' : `live workbook recalculated by LibreOffice (${SKIP_REASON})`,
  () => {
    const results: Recalculated[] = [];

    beforeAll(async () => {
      rmSync(DIR, { recursive: true, force: true });
      mkdirSync(join(DIR, 'recalculated'), { recursive: true });
      mkdirSync(join(PROFILE, 'user'), { recursive: true });
      writeFileSync(join(PROFILE, 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE);
      const files: string[] = [];
      for (const [name, document] of FIXTURES) {
        const validated = validateCase(document);
        if (!validated.ok) throw new Error(`${name}: ${JSON.stringify(validated.issues)}`);
        const file = join(DIR, `${name}.xlsx`);
        writeFileSync(file, await localWorkbook(validated, { trials: 200, seed: 7 }, new Date('2026-12-01T00:00:00Z')));
        files.push(file);
        results.push({
          name,
          document: document as Record<string, unknown>,
          bc: validated.case,
          point: pointEstimate(validated.case),
          trace: pointEstimateTrace(validated.case),
          workbook: new ExcelJS.Workbook(),
        });
      }
      const converted = spawnSync(
        soffice,
        [
          `-env:UserInstallation=file://${PROFILE}`,
          '--headless',
          '--norestore',
          '--calc',
          '--convert-to',
          'xlsx',
          '--outdir',
          join(DIR, 'recalculated'),
          ...files,
        ],
        { encoding: 'utf8', timeout: 90_000 },
      );
      expect(converted.status, `soffice failed: ${converted.stderr}${converted.error ?? ''}`).toBe(0);
      for (const result of results) await result.workbook.xlsx.readFile(join(DIR, 'recalculated', `${result.name}.xlsx`));
    }, 120_000);

    it('covers every fixture', () => {
      expect(results.map((result) => result.name)).toEqual(FIXTURES.map(([name]) => name));
    });

    it.each(FIXTURES.map(([name]) => name))('%s: NPV, ROI, IRR and payback equal the exact point estimate', (name) => {
      const { point, trace, workbook } = results.find((result) => result.name === name)!;
      const npv = named(workbook, 'NPV') as number;
      expect(typeof npv, 'NPV was not recalculated').toBe('number');
      // To the cent, and to 1e-9 of the unrounded decimal NPV.
      expect(Math.abs(npv - Number(point.npv))).toBeLessThanOrEqual(0.005 + 1e-9 * Math.abs(npv));
      expect(relative(npv, trace.npv.toNumber())).toBeLessThan(1e-9);
      const roi = named(workbook, 'ROI') as number;
      expect(relative(roi, trace.roi.toNumber())).toBeLessThan(1e-9);
      expect(roi.toFixed(6)).toBe(point.roi);
      const irr = named(workbook, 'IRR');
      if (point.irrAnnual === null || point.irrAnnual === undefined) expect(typeof irr).not.toBe('number');
      else expect(relative(irr as number, point.irrAnnual)).toBeLessThan(1e-9);
      const payback = named(workbook, 'PaybackMonth');
      expect(typeof payback === 'number' ? payback : null).toBe(point.paybackMonth);
      const discounted = named(workbook, 'DiscountedPaybackMonth');
      expect(typeof discounted === 'number' ? discounted : null).toBe(point.discountedPaybackMonth);
    });

    it.each(FIXTURES.map(([name]) => name))('%s: every variable and the net cash flow match month by month, every month cell a formula', (name) => {
      const { trace, workbook } = results.find((result) => result.name === name)!;
      const sheet = workbook.getWorksheet('Model')!;
      const H = trace.net.length;
      let netRow: ExcelJS.Row | undefined;
      let formulas = 0;
      sheet.eachRow((row, number) => {
        if (number === 1) return;
        if (row.getCell(1).value === 'net') netRow = row;
        for (let column = 5; column < 5 + H; column++) {
          const cell = row.getCell(column);
          if (cell.value === null) continue;
          if (cell.formula) formulas++;
          // A cell written as a value is a line's month outside its window (0), or month 1.
          else expect(cell.value === 0 || (column === 5 && cell.value === 1), `Model!${cell.address} = ${JSON.stringify(cell.value)}`).toBe(true);
        }
      });
      expect(formulas).toBeGreaterThan(10 * H);
      const variableRows = new Map<string, ExcelJS.Row>();
      sheet.eachRow((row) => {
        const id = row.getCell(1).value;
        if (typeof id === 'string' && id in trace.variables) variableRows.set(id, row);
      });
      expect([...variableRows.keys()].sort()).toEqual(Object.keys(trace.variables).sort());
      for (const [id, values] of Object.entries(trace.variables)) {
        values.forEach((value, index) => {
          const cell = variableRows.get(id)!.getCell(5 + index);
          expect(cell.formula, `${id} month ${index + 1}`).toBeTruthy();
          const result = (cell.value as { result?: number }).result ?? (value === 0 ? 0 : NaN);
          expect(Math.abs(result - value), `${id} month ${index + 1}: ${cell.formula}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
        });
      }
      trace.net.forEach((value, index) => {
        // exceljs reads a cached 0 as no result.
        const result = (netRow!.getCell(5 + index).value as { result?: number }).result ?? (value === 0 ? 0 : NaN);
        expect(Math.abs(result - value), `month ${index + 1}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(value)));
      });
    });

    it.each(FIXTURES.map(([name]) => name))('%s: saved by LibreOffice, the workbook imports back with no change', async (name) => {
      const { document, bc } = results.find((result) => result.name === name)!;
      const imported = await importWorkbook(readFileSync(join(DIR, 'recalculated', `${name}.xlsx`)), () => bc, document);
      expect(imported.changes).toEqual([]);
    });
  },
);
