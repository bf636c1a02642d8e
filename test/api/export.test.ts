import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeCellValue, WORKBOOK_SHEETS, XLSX_CONTENT_TYPE } from '../../api/services/xlsx-export.ts';
import { buildTestApp, describeEachStorage, type TestApp } from '../helpers/test-app.ts';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/document-processing.json', import.meta.url), 'utf8'));

/** Text a spreadsheet would run as a formula if it were typed into a cell. */
const HYPERLINK = '=HYPERLINK("http://x")';
const PLUS = '+1+1';
const AT_SUM = '@SUM(A1)';
const MINUS = '-2+3';
const TAB = '\t=1+1';

/** The fixture with hostile text in labels, sources and the case name. */
function hostileCase() {
  const document = structuredClone(fixture);
  document.name = `=cmd|' /C calc'!A0 ${fixture.name}`;
  document.inputs.docsPerMonth.label = HYPERLINK;
  document.inputs.docsPerMonth.source = PLUS;
  document.inputs.volumeGrowthAnnual.label = AT_SUM;
  document.inputs.clerkCostPerHour.source = TAB;
  document.benefits[0].label = MINUS;
  return document;
}

const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

async function loadWorkbook(response: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

/** Every non-empty cell of a sheet, by row. */
function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row) => {
    const values: ExcelJS.CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => (values[column - 1] = cell.value));
    rows.push(values);
  });
  return rows;
}

describe('safeCellValue', () => {
  it('prefixes formula triggers with an apostrophe and leaves numbers alone', () => {
    expect(safeCellValue(HYPERLINK)).toBe(`'${HYPERLINK}`);
    expect(safeCellValue(PLUS)).toBe(`'${PLUS}`);
    expect(safeCellValue(AT_SUM)).toBe(`'${AT_SUM}`);
    expect(safeCellValue(MINUS)).toBe(`'${MINUS}`);
    expect(safeCellValue('\r=1')).toBe("'\r=1");
    expect(safeCellValue(TAB)).toBe(`'${TAB}`);
    // A control character XML cannot carry must not hide a trigger behind it.
    expect(safeCellValue('\u0001=1+1')).toBe("'=1+1");
    expect(safeCellValue('plain text')).toBe('plain text');
    expect(safeCellValue(-12.5)).toBe(-12.5);
    expect(safeCellValue(Infinity)).toBe('∞');
    expect(safeCellValue(-Infinity)).toBe('−∞');
    expect(safeCellValue(NaN)).toBe('n/a');
  });
});

describeEachStorage('case export (%s)', (storage) => {
  let t: TestApp;
  let caseId: string;
  let run: { id: string; caseVersion: number; summary: { outputs: Record<string, { percentiles: Record<string, number> }> } };
  const document = hostileCase();

  beforeAll(async () => {
    t = await buildTestApp(storage);
    const created = await t.call('POST', '/api/cases', { body: document, role: 'editor' });
    expect(created.status).toBe(201);
    caseId = ((await created.json()) as { id: string }).id;
    const ran = await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, { body: { trials: 2000 }, role: 'editor' });
    expect(ran.status).toBe(201);
    run = (await ran.json()) as typeof run;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('downloads a workbook of the latest succeeded run, values only and injection-safe', async () => {
    const response = await t.call('GET', `/api/cases/${caseId}/export.xlsx`, { role: 'viewer' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX_CONTENT_TYPE);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z0-9-]+-v1-run-[0-9a-f]{8}\.xlsx"$/);
    const workbook = await loadWorkbook(response);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([...WORKBOOK_SHEETS]);

    // Assumptions: a header, then one row per input with its unit.
    const assumptions = rowsOf(workbook.getWorksheet('Assumptions')!);
    const inputNames = Object.keys(document.inputs).sort((a, b) => a.localeCompare(b, 'en'));
    expect(assumptions).toHaveLength(1 + inputNames.length);
    expect(assumptions[0].slice(0, 9)).toEqual(['Name', 'Label', 'Unit', 'Distribution', 'Median', 'P5', 'P95', 'Source / rationale', 'Measurement cost']);
    expect(assumptions.slice(1).map((row) => row[0])).toEqual(inputNames);
    for (const row of assumptions.slice(1)) expect(row[2]).toBe(document.inputs[row[0] as string].unit);
    const integration = assumptions.find((row) => row[0] === 'integrationCost')!;
    expect(integration[3]).toBe('lognormal 90% CI 150,000 to 400,000');
    expect(integration[8]).toBe(12000);
    expect(integration[5]).toBeCloseTo(150000, 6);
    expect(assumptions.find((row) => row[0] === 'volumeGrowthAnnual')![4]).toBeCloseTo(0.03, 12);

    // Hostile text comes back as text starting with an apostrophe.
    const docs = assumptions.find((row) => row[0] === 'docsPerMonth')!;
    expect(docs[1]).toBe(`'${HYPERLINK}`);
    expect(docs[7]).toBe(`'${PLUS}`);
    expect(assumptions.find((row) => row[0] === 'volumeGrowthAnnual')![1]).toBe(`'${AT_SUM}`);
    expect(assumptions.find((row) => row[0] === 'clerkCostPerHour')![7]).toBe(`'${TAB}`);
    expect(rowsOf(workbook.getWorksheet('Benefit by line')!)[1][1]).toBe(`'${MINUS}`);

    // No formula anywhere, and no text cell starts with a formula trigger.
    let cells = 0;
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          cells++;
          expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula, `${sheet.name}!${cell.address}`).toBeUndefined();
          if (typeof cell.value === 'string') expect(FORMULA_TRIGGER.test(cell.value), `${sheet.name}!${cell.address}: ${cell.value}`).toBe(false);
          else expect(['number', 'object'].includes(typeof cell.value) || cell.value === null, `${sheet.name}!${cell.address}`).toBe(true);
        }),
      );
    }
    expect(cells).toBeGreaterThan(200);

    // Results: NPV percentiles are the run's, in a currency format; the settings reproduce the run.
    const resultsSheet = workbook.getWorksheet('Results')!;
    const results = rowsOf(resultsSheet);
    const header = results[0] as string[];
    const npvIndex = results.findIndex((row) => row[0] === 'NPV');
    const npv = results[npvIndex];
    expect(npv[header.indexOf('P50')]).toBe(run.summary.outputs.npv.percentiles.p50);
    expect(npv[header.indexOf('P5')]).toBe(run.summary.outputs.npv.percentiles.p5);
    expect(resultsSheet.getRow(npvIndex + 1).getCell(header.indexOf('P50') + 1).numFmt).toContain('£');
    expect(typeof npv[header.indexOf('P(> 0)')]).toBe('number');
    expect(typeof npv[header.indexOf('Point estimate (exact decimal)')]).toBe('string');
    const setting = (name: string) => results.find((row) => row[0] === name)?.[1];
    expect(setting('Trials')).toBe(2000);
    expect(setting('Seed')).toBe(String(fixture.simulation.seed));
    expect(setting('Sampling')).toMatch(/^lhs/);
    expect(setting('Case version')).toBe(1);
    expect(setting('Case hash (SHA-256 of the canonical document)')).toMatch(/^[0-9a-f]{64}$/);
    expect(setting('Case')).toBe(`'${document.name}`);

    // Cost by category: every taxonomy category, the total, and no category left unflagged without lines.
    const costs = rowsOf(workbook.getWorksheet('Cost by category')!);
    expect(costs[0][0]).toBe('Category');
    expect(costs[0]).toContain('Year 3 (months 25–36)');
    expect(costs.slice(1, 11)).toHaveLength(10);
    expect(costs[11][0]).toBe('Total');

    // Tornado bars sorted by swing; Gate with the recommendation and every criterion.
    const tornado = rowsOf(workbook.getWorksheet('Tornado')!);
    const swings = tornado
      .slice(1)
      .filter((row) => typeof row[0] === 'number')
      .map((row) => row[8] as number);
    expect(swings.length).toBeGreaterThan(5);
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
    const gate = rowsOf(workbook.getWorksheet('Gate')!);
    expect(gate[1][0]).toBe('Recommendation');
    expect(['scale', 'redesign', 'stop', 'keepAsResearch']).toContain(gate[1][1]);
    expect(gate.find((row) => row[0] === 'Evaluated on')![6]).toMatch(/computed for this export/);
    expect(gate.filter((row) => String(row[0]).startsWith('Criterion')).length).toBeGreaterThanOrEqual(6);
    expect(gate.filter((row) => row[0] === 'Readiness gate')).toHaveLength(6);
  });

  it('uses the stored gate analysis of the run when there is one', async () => {
    const analysis = await t.call('POST', `/api/runs/${run.id}/analyses`, { body: { kind: 'gate' }, role: 'editor' });
    expect(analysis.status).toBe(201);
    const stored = (await analysis.json()) as { id: string; result: { recommendation: string } };
    const workbook = await loadWorkbook(await t.call('GET', `/api/cases/${caseId}/export.xlsx`, { role: 'viewer' }));
    const gate = rowsOf(workbook.getWorksheet('Gate')!);
    expect(gate[1][1]).toBe(stored.result.recommendation);
    expect(gate.find((row) => row[0] === 'Evaluated on')![6]).toContain(`stored gate analysis ${stored.id}`);
  });

  it('answers 409 for a case without a succeeded run, 404 for an unknown case, 401 without a token', async () => {
    const created = await t.call('POST', '/api/cases', { body: fixture, role: 'editor' });
    const { id } = (await created.json()) as { id: string };
    const noRun = await t.call('GET', `/api/cases/${id}/export.xlsx`, { role: 'viewer' });
    expect(noRun.status).toBe(409);
    expect(noRun.headers.get('content-type')).toContain('application/problem+json');
    expect(((await noRun.json()) as { detail: string }).detail).toMatch(/no succeeded run/);

    const unknown = await t.call('GET', `/api/cases/${randomUUID()}/export.xlsx`, { role: 'viewer' });
    expect(unknown.status).toBe(404);
    expect((await t.call('GET', '/api/cases/not-a-uuid/export.xlsx', { role: 'viewer' })).status).toBe(404);

    const anonymous = await t.call('GET', `/api/cases/${caseId}/export.xlsx`, { role: null });
    expect(anonymous.status).toBe(401);
  });

  it('round-trips a version through export.json and import', async () => {
    const exported = await t.call('GET', `/api/cases/${caseId}/export.json?version=1`, { role: 'viewer' });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/-v1\.json"$/);
    const original = await exported.json();
    expect(original).toEqual(document);

    const imported = await t.call('POST', '/api/import', { body: original, role: 'editor' });
    expect(imported.status).toBe(201);
    const copy = (await imported.json()) as { id: string; currentVersion: number };
    expect(copy.id).not.toBe(caseId);
    expect(copy.currentVersion).toBe(1);

    const again = await t.call('GET', `/api/cases/${copy.id}/export.json`, { role: 'viewer' });
    expect(await again.json()).toEqual(original);
    expect((await t.call('POST', '/api/import', { body: original, role: 'viewer' })).status).toBe(403);
    expect((await t.call('GET', `/api/cases/${caseId}/export.json?version=9`, { role: 'viewer' })).status).toBe(404);
  });

  it("exports the run's own case version after the case has moved on", async () => {
    const changed = structuredClone(document);
    changed.inputs.intakeClerks.distribution = { type: 'fixed', value: 60 };
    const saved = await t.call('PUT', `/api/cases/${caseId}`, { body: changed, headers: { 'If-Match': '"v1"' }, role: 'editor' });
    expect(saved.status).toBe(200);
    const response = await t.call('GET', `/api/cases/${caseId}/export.xlsx`, { role: 'viewer' });
    expect(response.headers.get('content-disposition')).toContain('-v1-run-');
    const workbook = await loadWorkbook(response);
    expect(rowsOf(workbook.getWorksheet('Assumptions')!).find((row) => row[0] === 'intakeClerks')![4]).toBe(55);
    const results = rowsOf(workbook.getWorksheet('Results')!);
    expect(results.find((row) => row[0] === 'Current case version')![1]).toBe('2 (the run is on an older version)');
  });
});
