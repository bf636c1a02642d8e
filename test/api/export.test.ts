import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSUMPTION_HEADER } from '../../api/services/xlsx/assumption-columns.ts';
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

  it('downloads a workbook of the latest succeeded run: named assumptions, a live model, simulated values, injection-safe', async () => {
    const response = await t.call('GET', `/api/cases/${caseId}/export.xlsx`, { role: 'viewer' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX_CONTENT_TYPE);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z0-9-]+-v1-run-[0-9a-f]{8}\.xlsx"$/);
    const workbook = await loadWorkbook(response);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([...WORKBOOK_SHEETS]);

    // Assumptions: a header, one row per input with its unit, then the footer that marks the sheet as ours.
    const assumptions = rowsOf(workbook.getWorksheet('Assumptions')!);
    const column = (title: (typeof ASSUMPTION_HEADER)[number]) => ASSUMPTION_HEADER.indexOf(title);
    const inputNames = Object.keys(document.inputs).sort((a, b) => a.localeCompare(b, 'en'));
    expect(assumptions).toHaveLength(2 + inputNames.length);
    expect(assumptions[0]).toEqual([...ASSUMPTION_HEADER]);
    expect(assumptions.slice(1, -1).map((row) => row[0])).toEqual(inputNames);
    expect(String(assumptions.at(-1)![0])).toMatch(/^valuegate assumptions of case /);
    for (const row of assumptions.slice(1, -1)) expect(row[2]).toBe(document.inputs[row[0] as string].unit);
    const integration = assumptions.find((row) => row[0] === 'integrationCost')!;
    expect(integration[column('Distribution')]).toBe('lognormal');
    expect(integration[column('p5')]).toBe(150000);
    expect(integration[column('p95')]).toBe(400000);
    expect(integration[column('In words')]).toBe('lognormal 90% CI 150,000 to 400,000');
    expect(integration[column('Measurement cost')]).toBe(12000);
    expect(integration[column('5th percentile')]).toBeCloseTo(150000, 6);
    const growth = assumptions.find((row) => row[0] === 'volumeGrowthAnnual')!;
    expect(growth[column('Point value (median)')]).toBeCloseTo(0.03, 12);
    // Each point value is the workbook-level name of its input, formatted in its unit.
    const sheet = workbook.getWorksheet('Assumptions')!;
    const rowOf = (id: string) => assumptions.findIndex((row) => row[0] === id) + 1;
    expect(workbook.definedNames.getRanges('volumeGrowthAnnual').ranges).toEqual([`Assumptions!$D$${rowOf('volumeGrowthAnnual')}`]);
    expect(sheet.getCell(`D${rowOf('volumeGrowthAnnual')}`).numFmt).toBe('0%');
    expect(sheet.getCell(`D${rowOf('integrationCost')}`).numFmt).toContain('£');
    expect(sheet.getCell(`D${rowOf('docsPerMonth')}`).numFmt).toBe('#,##0');

    // Hostile text comes back as text starting with an apostrophe.
    const docs = assumptions.find((row) => row[0] === 'docsPerMonth')!;
    expect(docs[1]).toBe(`'${HYPERLINK}`);
    expect(docs[column('Source / rationale')]).toBe(`'${PLUS}`);
    expect(growth[1]).toBe(`'${AT_SUM}`);
    expect(assumptions.find((row) => row[0] === 'clerkCostPerHour')![column('Source / rationale')]).toBe(`'${TAB}`);
    expect(rowsOf(workbook.getWorksheet('Benefit by line')!)[2][1]).toBe(`'${MINUS}`);
    for (const name of ['NPV', 'ROI', 'IRR', 'PaybackMonth']) expect(workbook.definedNames.getRanges(name).ranges[0]).toMatch(/^Model!\$D\$\d+$/);

    // Formulas only on the Model sheet; every simulated sheet headed with the run's settings; no text cell starting with a trigger.
    let cells = 0;
    for (const sheet of workbook.worksheets) {
      const simulated = !['Assumptions', 'Model'].includes(sheet.name);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: simulated ? 2 : 1 });
      if (simulated)
        expect(String(sheet.getCell('A1').value)).toMatch(
          new RegExp(`^Simulated results .*seed ${fixture.simulation.seed}, 2,000 trials, lhs sampling, engine .*case hash [0-9a-f]{64}`),
        );
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          cells++;
          if (sheet.name === 'Model' && cell.formula) return;
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
    const header = results[1] as string[];
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

    // Distributions: NPV's histogram bins (trial counts adding up to the run's) and its S-curve ending at 100%.
    const bins = rowsOf(workbook.getWorksheet('Distributions')!).filter((row) => row[0] === 'NPV');
    expect(bins.length).toBeGreaterThan(10);
    expect(bins.reduce((sum, row) => sum + (row[3] as number), 0)).toBe(2000);
    expect(bins.at(-1)![5]).toBe(1);

    // Cost by category: every taxonomy category, the total, and no category left unflagged without lines.
    const costs = rowsOf(workbook.getWorksheet('Cost by category')!);
    expect(costs[1][0]).toBe('Category');
    expect(costs[1]).toContain('Year 3 (months 25–36)');
    expect(costs[1]).toContain('S.E. of total');
    expect(costs.slice(2, 12)).toHaveLength(10);
    expect(costs[12][0]).toBe('Total');

    // Tornado bars sorted by swing; Gate with the recommendation and every criterion.
    const tornado = rowsOf(workbook.getWorksheet('Tornado')!);
    const swings = tornado
      .slice(1)
      .filter((row) => typeof row[0] === 'number')
      .map((row) => row[8] as number);
    expect(swings.length).toBeGreaterThan(5);
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
    const gate = rowsOf(workbook.getWorksheet('Gate')!);
    expect(gate[2][0]).toBe('Recommendation');
    expect(['scale', 'redesign', 'stop', 'keepAsResearch']).toContain(gate[2][1]);
    expect(gate.find((row) => row[0] === 'Evaluated on')![6]).toMatch(/computed for this export/);
    expect(gate.filter((row) => String(row[0]).startsWith('Criterion')).length).toBeGreaterThanOrEqual(6);
    expect(gate.filter((row) => row[0] === 'Readiness gate')).toHaveLength(6);
  });

  it('imports its own export back with no change, hostile text included', async () => {
    const bytes = await (await t.call('GET', `/api/cases/${caseId}/export.xlsx`, { role: 'viewer' })).arrayBuffer();
    const response = await t.app.request(`/api/cases/${caseId}/import.xlsx?dryRun=true`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.tokens.editor}`, 'Content-Type': XLSX_CONTENT_TYPE },
      body: bytes,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(((await response.json()) as { changes: unknown[] }).changes).toEqual([]);
  });

  it('uses the stored gate analysis of the run when there is one', async () => {
    const analysis = await t.call('POST', `/api/runs/${run.id}/analyses`, { body: { kind: 'gate' }, role: 'editor' });
    expect(analysis.status).toBe(201);
    const stored = (await analysis.json()) as { id: string; result: { recommendation: string } };
    const workbook = await loadWorkbook(await t.call('GET', `/api/cases/${caseId}/export.xlsx`, { role: 'viewer' }));
    const gate = rowsOf(workbook.getWorksheet('Gate')!);
    expect(gate[2][1]).toBe(stored.result.recommendation);
    expect(gate.find((row) => row[0] === 'Evaluated on')![6]).toContain(`stored gate analysis ${stored.id}`);
  });

  it('adds Sobol and EVPPI sheets when the run has those analyses stored', async () => {
    const sobol = await t.call('POST', `/api/runs/${run.id}/analyses`, { body: { kind: 'sobol', baseSamples: 64 }, role: 'editor' });
    expect(sobol.status, await sobol.clone().text()).toBe(201);
    const voi = await t.call('POST', `/api/runs/${run.id}/analyses`, { body: { kind: 'voi' }, role: 'editor' });
    expect(voi.status, await voi.clone().text()).toBe(201);
    const stored = (await voi.json()) as { id: string; result: { evpi: { value: number }; ranking: { input: string; evppi: number }[] } };
    const workbook = await loadWorkbook(await t.call('GET', `/api/cases/${caseId}/export.xlsx`, { role: 'viewer' }));
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names.indexOf('Sobol')).toBe(names.indexOf('Tornado') + 1);
    expect(names.indexOf('EVPPI')).toBe(names.indexOf('Sobol') + 1);
    const evppi = rowsOf(workbook.getWorksheet('EVPPI')!);
    expect(String(evppi[0][0])).toContain(`stored analysis ${stored.id}`);
    expect(evppi[1].slice(0, 3)).toEqual(['Input', 'Label', 'EVPPI']);
    expect(evppi[2][0]).toBe(stored.result.ranking[0].input);
    expect(evppi[2][2]).toBe(stored.result.ranking[0].evppi);
    expect(evppi.find((row) => String(row[0]).startsWith('EVPI'))![2]).toBe(stored.result.evpi.value);
    const sobolRows = rowsOf(workbook.getWorksheet('Sobol')!);
    expect(sobolRows[1][0]).toBe('Input');
    expect(sobolRows.filter((row) => typeof row[2] === 'number').length).toBeGreaterThan(5);
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
    expect(rowsOf(workbook.getWorksheet('Assumptions')!).find((row) => row[0] === 'intakeClerks')![3]).toBe(55);
    const results = rowsOf(workbook.getWorksheet('Results')!);
    expect(results.find((row) => row[0] === 'Current case version')![1]).toBe('2 (the run is on an older version)');
  });
});
