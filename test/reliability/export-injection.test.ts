import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { fixtureDocument } from './fuzz-fixtures.ts';

/**
 * Formula (CSV) injection: every free-text field of a case (name, description, owners,
 * labels, units, sources, notes, hypothesis, measurement plan, criteria), the version
 * message, a decision's rationale and an actual's note start with a spreadsheet trigger
 * (= + - @ tab CR). No export may carry one where a spreadsheet would run it: in
 * export.xlsx no formula but the Model sheet's own (built from names and numbers, never
 * from text) and no text cell starting with a trigger; no CSV field starting with one
 * unless it is a plain number.
 */
const PAYLOADS = ['=HYPERLINK("http://evil.example","x")', "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", '\t=1+1', '\r=1+1'];
const TRIGGER = /^[=+\-@\t\r\n]/;
/** What a generated formula may contain: identifiers, cell references, numbers, operators, commas and parentheses. */
const SAFE_FORMULA = /^[A-Za-z0-9_$.,:()+\-*/^<>=]+$/;
/** Keys whose string values are free text in a case document (never ids, dates, codes or formulas). */
const TEXT_KEYS = new Set([
  'name',
  'description',
  'businessOwner',
  'sponsor',
  'preparedBy',
  'label',
  'unit',
  'source',
  'note',
  'statement',
  'metric',
  'method',
  'when',
  'owner',
  'scale',
  'stop',
  'evidence',
]);

/** Replaces every free-text string in the document with a payload, rotating through them; returns how many. */
function poison(value: unknown, counter: { n: number }, path: string[] = []): unknown {
  const key = path[path.length - 1] ?? '';
  // An expected change's `metric` names a baseline metric (an identifier), unlike the measurement plan's.
  const text = TEXT_KEYS.has(key) && !(key === 'metric' && path.includes('expectedChanges'));
  if (typeof value === 'string') return text ? PAYLOADS[counter.n++ % PAYLOADS.length] : value;
  if (Array.isArray(value)) return value.map((item) => poison(item, counter, path));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, counter, [...path, k])]));
  return value;
}

describe('export injection', () => {
  let t: TestApp;
  let caseId: string;
  let runId: string;
  let poisoned = 0;

  beforeAll(async () => {
    // A fixed clock after the fixture's start, so the actual's date is in the past whenever this runs.
    t = await buildTestApp('pglite', {}, () => new Date('2027-06-01T00:00:00Z'));
    const counter = { n: 0 };
    const document = poison(fixtureDocument(), counter) as Record<string, unknown>;
    poisoned = counter.n;
    const created = await t.call('POST', '/api/cases', { body: document, role: 'editor' });
    expect(created.status, await created.clone().text()).toBe(201);
    caseId = ((await created.json()) as { id: string }).id;
    const edited = await t.call('PUT', `/api/cases/${caseId}?message=${encodeURIComponent(PAYLOADS[0])}`, {
      body: document,
      headers: { 'If-Match': '"v1"' },
      role: 'editor',
    });
    expect(edited.status).toBe(200);
    const run = await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, { body: { trials: 500, seed: 3 }, role: 'editor' });
    expect(run.status).toBe(201);
    runId = ((await run.json()) as { id: string }).id;
    const decision = await t.call('POST', `/api/cases/${caseId}/decisions`, {
      body: { decision: 'redesign', rationale: PAYLOADS[3], runId },
      role: 'approver',
    });
    expect(decision.status, await decision.clone().text()).toBe(201);
    const actual = await t.call('POST', `/api/cases/${caseId}/actuals`, {
      body: { rows: [{ month: '2027-01', series: 'net', value: 1, note: PAYLOADS[1] }] },
      role: 'editor',
    });
    expect(actual.status, await actual.clone().text()).toBe(200);
  });
  afterAll(() => t?.close());

  it('poisons enough fields to mean something', () => {
    expect(poisoned).toBeGreaterThanOrEqual(30);
  });

  it('export.xlsx: formulas only on the Model sheet and only our own, no text cell starting with a trigger, and the payloads arrive escaped', async () => {
    const response = await t.call('GET', `/api/cases/${caseId}/export.xlsx`, { role: 'viewer' });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const offenders: string[] = [];
    let escaped = 0;
    let cells = 0;
    let formulas = 0;
    workbook.eachSheet((sheet) => {
      sheet.eachRow({ includeEmpty: false }, (row) => {
        row.eachCell({ includeEmpty: false }, (cell) => {
          cells++;
          const where = `${sheet.name}!${cell.address}`;
          if (cell.type === ExcelJS.ValueType.Formula || cell.formula) {
            // The live Model sheet's formulas are valuegate's own: names, cell references, numbers and
            // functions, never a case's text (no quotes, no sheet or DDE references, no spaces).
            if (sheet.name !== 'Model' || !SAFE_FORMULA.test(cell.formula)) offenders.push(`${where} is a formula: ${cell.formula}`);
            formulas++;
            return;
          }
          if (cell.type === ExcelJS.ValueType.Number) return;
          const text = cell.text;
          if (TRIGGER.test(text)) offenders.push(`${where} starts with a trigger: ${JSON.stringify(text.slice(0, 60))}`);
          if (PAYLOADS.some((payload) => text === `'${payload}`)) escaped++;
        });
      });
    });
    expect(offenders).toEqual([]);
    expect(cells).toBeGreaterThan(100);
    expect(formulas).toBeGreaterThan(100);
    // The payloads did reach the workbook (so the check above checked something): as inert text.
    expect(escaped).toBeGreaterThanOrEqual(10);
  });

  it('trials.csv: no field starts with a trigger unless it is a number', async () => {
    const response = await t.call('GET', `/api/runs/${runId}/trials.csv`, { role: 'viewer' });
    expect(response.status).toBe(200);
    const lines = (await response.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(501);
    const offenders = lines
      .flatMap((line, index) => line.split(',').map((field) => ({ field, index })))
      .filter(({ field }) => TRIGGER.test(field) && !/^-?(\d+(\.\d+)?(e[+-]?\d+)?|Infinity)$/.test(field));
    expect(offenders.slice(0, 5)).toEqual([]);
  });
});
