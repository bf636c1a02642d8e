import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { guidedCaseDocument } from '../../web/src/lib/guided-case.ts';
import { buildTestApp, describeEachStorage, type TestApp } from '../helpers/test-app.ts';
import { invoiceCopilotAnswers } from '../web/guided-answers-fixture.ts';

/** The guided start's document through the API: stored, run, gated and exported with its "none" answers. */
describeEachStorage('noCostReasons through the API (%s)', (storage) => {
  let t: TestApp;
  let caseId = '';
  let runId = '';
  const document = guidedCaseDocument(invoiceCopilotAnswers());

  beforeAll(async () => {
    t = await buildTestApp(storage);
    const created = await t.call('POST', '/api/cases', { body: document, role: 'editor' });
    expect(created.status).toBe(201);
    caseId = ((await created.json()) as { id: string }).id;
    const ran = await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, { body: { trials: 500 }, role: 'editor' });
    expect(ran.status).toBe(201);
    runId = ((await ran.json()) as { id: string }).id;
  }, 120_000); // building the app and a run is slow on a busy 2-core machine

  afterAll(async () => {
    await t?.close();
  });

  it('stores the reasons and refuses a blank one, naming the category', async () => {
    const stored = (await (await t.call('GET', `/api/cases/${caseId}`, { role: 'viewer' })).json()) as { document: typeof document };
    expect(stored.document.noCostReasons).toEqual(document.noCostReasons);
    const blank = await t.call('POST', '/api/cases', { body: { ...document, noCostReasons: { data: ' ' } }, role: 'editor' });
    expect(blank.status).toBe(422);
    const problem = (await blank.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors[0].path).toBe('/noCostReasons/data');
    expect(problem.errors[0].message).toContain('say why this category costs nothing');
  });

  it('gates the answered categories as "none", not as hidden costs, and exports them on the Gate sheet', { timeout: 120_000 }, async () => {
    const analysis = await t.call('POST', `/api/runs/${runId}/analyses`, { body: { kind: 'gate' }, role: 'editor' });
    expect(analysis.status).toBe(201);
    const { result } = (await analysis.json()) as { result: { missingCostCategories: unknown[]; answeredNoCost: { category: string; reason: string }[] } };
    expect(result.missingCostCategories).toEqual([]);
    expect(result.answeredNoCost.map((row) => [row.category, row.reason])).toEqual(Object.entries(document.noCostReasons ?? {}));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await t.call('GET', `/api/cases/${caseId}/export.xlsx`, { role: 'viewer' })).arrayBuffer());
    const rows: ExcelJS.CellValue[][] = [];
    workbook.getWorksheet('Gate')!.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
    const answered = rows.filter((row) => row[0] === 'Cost category answered "none"');
    expect(answered.map((row) => [row[1], row[5], row[6]])).toEqual([
      ['Data (preparation, quality, ownership)', 'none', 'Uses the ERP master data as it is'],
      ['Security & privacy', 'none', 'Runs inside the ERP tenant under its controls'],
      ['Maintenance (model, prompt, version upkeep)', 'none', 'Included in the vendor subscription'],
      ['Governance, risk & legal', 'none', 'Internal tool; existing AI policy review only'],
      ['Manager & expert time', 'none', 'Within the AP lead’s existing role'],
    ]);
    expect(rows.find((row) => row[0] === 'Missing cost category')?.[1]).toBe('none: every taxonomy category has a cost or a reason for none');
  });
});
