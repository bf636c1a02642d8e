import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ASSUMPTION_HEADER, assumptionColumn, columnLetters } from '../../api/services/xlsx/assumption-columns.ts';
import { XLSX_CONTENT_TYPE } from '../../api/services/xlsx/index.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/document-processing.json', import.meta.url), 'utf8'));

/** An exported workbook, edited with exceljs as a colleague would in Excel, back as bytes. */
async function edited(bytes: ArrayBuffer, edit: (workbook: ExcelJS.Workbook, rowOf: (id: string) => ExcelJS.Row) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const sheet = workbook.getWorksheet('Assumptions');
  const rowOf = (id: string): ExcelJS.Row => {
    let found: ExcelJS.Row | undefined;
    sheet?.eachRow((row) => {
      if (row.getCell(1).value === id) found = row;
    });
    return found!;
  };
  edit(workbook, rowOf);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const cellOf = (title: (typeof ASSUMPTION_HEADER)[number]): number => assumptionColumn(title);

describe('import.xlsx: an edited workbook back in as a new version', () => {
  let t: TestApp;
  let caseId: string;
  let exported: ArrayBuffer;

  const upload = (bytes: Uint8Array | string, query = '?dryRun=true', headers: Record<string, string> = {}) =>
    Promise.resolve(
      t.app.request(`/api/cases/${caseId}/import.xlsx${query}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${t.tokens.editor}`, 'Content-Type': XLSX_CONTENT_TYPE, ...headers },
        body: bytes as BodyInit,
      }),
    );
  const version = async () => ((await (await t.call('GET', `/api/cases/${caseId}`, { role: 'viewer' })).json()) as { currentVersion: number }).currentVersion;

  beforeAll(async () => {
    t = await buildTestApp('pglite');
    const created = await t.call('POST', '/api/cases', { body: fixture, role: 'editor' });
    caseId = ((await created.json()) as { id: string }).id;
    expect((await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, { body: { trials: 500 }, role: 'editor' })).status).toBe(201);
    const response = await t.call('GET', `/api/cases/${caseId}/export.xlsx`, { role: 'viewer' });
    expect(response.status).toBe(200);
    exported = await response.arrayBuffer();
  });
  afterAll(() => t?.close());

  it('round trip: three assumptions changed in the workbook are exactly the three changes; the new version simulates', async () => {
    const bytes = await edited(exported, (_, rowOf) => {
      rowOf('docsPerMonth').getCell(cellOf('Label')).value = 'Claims documents a month (all channels)';
      rowOf('integrationCost').getCell(cellOf('p95')).value = 450000;
      // A point value: the fixed input takes it as its value.
      rowOf('intakeClerks').getCell(cellOf('Point value (median)')).value = 60;
    });
    const preview = await upload(bytes);
    expect(preview.status, await preview.clone().text()).toBe(200);
    const diff = (await preview.json()) as { dryRun: boolean; changes: { path: string; before: unknown; after: unknown }[]; baseVersion: number };
    expect(diff.dryRun).toBe(true);
    expect(diff.baseVersion).toBe(1);
    expect(diff.changes.map((change) => change.path).sort()).toEqual([
      '/inputs/docsPerMonth/label',
      '/inputs/intakeClerks/distribution/value',
      '/inputs/integrationCost/distribution/p95',
    ]);
    expect(diff.changes.find((change) => change.path.endsWith('/p95'))).toMatchObject({ before: 400000, after: 450000 });
    expect(await version()).toBe(1);

    expect((await upload(bytes, '')).status).toBe(428);
    const saved = await upload(bytes, '?message=From%20the%20CFO', { 'If-Match': '"v1"' });
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect(saved.headers.get('etag')).toBe('"v2"');
    expect(((await saved.json()) as { saved: boolean; currentVersion: number }).currentVersion).toBe(2);
    const document = (await (await t.call('GET', `/api/cases/${caseId}/export.json`, { role: 'viewer' })).json()) as typeof fixture;
    expect(document.inputs.intakeClerks.distribution).toEqual({ type: 'fixed', value: 60 });
    expect(document.inputs.integrationCost.distribution.p95).toBe(450000);
    const run = await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, { body: { trials: 500 }, role: 'editor' });
    expect(run.status).toBe(201);
    expect(((await run.json()) as { status: string; caseVersion: number }).caseVersion).toBe(2);

    // The same workbook again: its base is version 1, but the current document already has the edits.
    expect((await upload(bytes, '', { 'If-Match': '"v1"' })).status).toBe(412);
  });

  it('a workbook of an older version adds only its own edits to the current version', async () => {
    expect(await version()).toBe(2);
    // Exported from version 1; version 2 has the round trip's edits, which must survive.
    const bytes = await edited(exported, (_, rowOf) => {
      rowOf('hireShare').getCell(cellOf('Source / rationale')).value = 'Hire MI 2026';
    });
    const saved = await upload(bytes, '', { 'If-Match': '"v2"' });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const body = (await saved.json()) as { currentVersion: number; changes: { path: string }[] };
    expect(body.currentVersion).toBe(3);
    expect(body.changes.map((change) => change.path)).toEqual(['/inputs/hireShare/source']);
    const document = (await (await t.call('GET', `/api/cases/${caseId}/export.json`, { role: 'viewer' })).json()) as typeof fixture;
    expect(document.inputs.intakeClerks.distribution).toEqual({ type: 'fixed', value: 60 });
    expect(document.inputs.hireShare.source).toBe('Hire MI 2026');
  });

  it('a point value moves the distribution; an added row becomes a new input', async () => {
    const bytes = await edited(exported, (workbook, rowOf) => {
      rowOf('hireCostPerDay').getCell(cellOf('Point value (median)')).value = 50;
      const sheet = workbook.getWorksheet('Assumptions')!;
      const last = rowOf('volumeGrowthAnnual').number;
      sheet.insertRow(last + 1, []);
      const added = sheet.getRow(last + 1);
      added.getCell(cellOf('Name')).value = 'reworkShare';
      added.getCell(cellOf('Label')).value = 'Share of documents reworked';
      added.getCell(cellOf('Unit')).value = 'share';
      added.getCell(cellOf('Distribution')).value = 'triangular';
      added.getCell(cellOf('min')).value = 0.01;
      added.getCell(cellOf('mode')).value = 0.02;
      added.getCell(cellOf('max')).value = 0.05;
    });
    const response = await upload(bytes);
    expect(response.status, await response.clone().text()).toBe(200);
    const { changes } = (await response.json()) as { changes: { path: string; kind: string; after: unknown }[] };
    expect(changes).toContainEqual({ path: '/inputs/hireCostPerDay/distribution/mean', kind: 'changed', before: 45, after: 50 });
    expect(changes).toContainEqual({
      path: '/inputs/reworkShare',
      kind: 'added',
      after: { unit: 'share', label: 'Share of documents reworked', distribution: { type: 'triangular', min: 0.01, mode: 0.02, max: 0.05 } },
    });
  });

  it('broken workbooks get an error naming the sheet, the cell and the problem; nothing is saved', async () => {
    const before = await version();
    const problem = async (bytes: Uint8Array | string, status: number, detail: RegExp, headers: Record<string, string> = {}) => {
      const response = await upload(bytes, '', { 'If-Match': `"v${before}"`, ...headers });
      const body = await response.text();
      expect(response.status, body).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect((JSON.parse(body) as { detail: string }).detail).toMatch(detail);
    };
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet('Sheet1').getCell('A1').value = 'Budget 2027';
    await problem(
      new Uint8Array(await foreign.xlsx.writeBuffer()),
      422,
      /not a workbook exported by valuegate: it has no sheet named "Assumptions" \(its sheets: "Sheet1"\)/,
    );
    await problem(
      await edited(exported, (workbook) => {
        workbook.getWorksheet('Assumptions')!.name = 'Inputs';
      }),
      422,
      /no sheet named "Assumptions" \(its sheets: "Inputs", "Model"/,
    );
    const p95 = columnLetters(cellOf('p95'));
    let row = 0;
    await problem(
      await edited(exported, (_, rowOf) => {
        const target = rowOf('integrationCost');
        row = target.number;
        target.getCell(cellOf('p95')).value = 'about 400k';
      }),
      422,
      new RegExp(`^Assumptions!${p95}${row || '\\d+'}: text "about 400k" where a number is expected$`),
    );
    await problem(
      await edited(exported, (workbook) => {
        workbook.getWorksheet('Assumptions')!.spliceRows(1, 1);
      }),
      422,
      /^Assumptions!A1: expected the column header "Name" of a valuegate Assumptions sheet, found "[a-zA-Z]+"/,
    );
    await problem(
      await edited(exported, (_, rowOf) => {
        rowOf('docsPerMonth').getCell(cellOf('Distribution')).value = 'gaussian';
      }),
      422,
      /^Assumptions!E\d+: unknown distribution "gaussian"/,
    );
    // A zip bomb: a small file whose directory says its parts expand to 2 GB.
    await problem(
      claimingExpandedSize(new Uint8Array(exported), 0x7fffffff),
      413,
      /expand to 2,14\d,\d{3},\d{3} bytes; a workbook may expand to at most 134,217,728$/,
    );
    const big = new Uint8Array(50 * 1024 * 1024);
    big.set([0x50, 0x4b]);
    await problem(big, 413, /larger than/);
    await problem('this is not a workbook', 415, /not an Excel workbook/);
    await problem(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]), 400, /cannot be read/);
    await problem('{}', 415, /Content-Type/, { 'Content-Type': 'application/json' });
    expect(await version()).toBe(before);
  });
});

/** A copy of a zip whose first central-directory entry claims `size` uncompressed bytes. */
function claimingExpandedSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let at = copy.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    view.setUint32(view.getUint32(at + 16, true) + 24, size, true);
    return copy;
  }
  throw new Error('no zip directory');
}
