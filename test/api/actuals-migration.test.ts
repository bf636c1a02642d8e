import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listActualChanges, listActualValues } from '../../api/services/actuals-values-store.ts';
import { buildTestApp, describeEachStorage, type TestApp } from '../helpers/test-app.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

/** The carry-over statements of migration 004 (the two INSERTs), run again over legacy rows. */
const carryOver = readFileSync(new URL('../../api/storage/migrations/004-actuals-series.sql', import.meta.url), 'utf8')
  .split(';')
  .map((statement) =>
    statement
      .split('\n')
      .filter((line) => !line.trim().startsWith('--'))
      .join('\n')
      .trim(),
  )
  .filter((statement) => statement.startsWith('INSERT'));

describeEachStorage('migration 004 carries earlier actuals over (%s)', (storage) => {
  let t: TestApp;
  let caseId: string;

  beforeAll(async () => {
    t = await buildTestApp(storage);
    caseId = ((await (await t.call('POST', '/api/cases', { body: minimalCase(), role: 'editor' })).json()) as { id: string }).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('as metric:<name> series, the latest measurement of each month, with a first history entry', async () => {
    const legacy = [
      ['handleTime', '7.5000', '2027-02-03', 'early', '2027-02-04T09:00:00Z'],
      ['handleTime', '7.2500', '2027-02-27', 'month end', '2027-02-28T09:00:00Z'],
      ['handleTime', '7.0000', '2027-03-31', null, '2027-04-01T09:00:00Z'],
    ];
    for (const [metric, value, measuredOn, note, createdAt] of legacy) {
      await t.services.db.query(
        'INSERT INTO actuals (id, case_id, metric, value, measured_on, note, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [randomUUID(), caseId, metric, value, measuredOn, note, createdAt, 'alice'],
      );
    }
    expect(carryOver).toHaveLength(2);
    for (const statement of carryOver) await t.services.db.query(statement);
    const values = await listActualValues(t.services.db, caseId);
    expect(values.map((v) => [v.month, v.series, v.value, v.note, v.recordedBy])).toEqual([
      ['2027-02', 'metric:handleTime', 7.25, 'month end', 'alice'],
      ['2027-03', 'metric:handleTime', 7, null, 'alice'],
    ]);
    const changes = await listActualChanges(t.services.db, caseId);
    expect(changes.map((c) => [c.month, c.value, c.previousValue])).toEqual([
      ['2027-02', 7.25, null],
      ['2027-03', 7, null],
    ]);
  });
});
