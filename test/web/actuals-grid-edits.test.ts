import { describe, expect, it } from 'vitest';
import { changedRows, parseCellValue, storedActuals } from '../../web/src/actuals/grid-edits.ts';
import { regateSentence } from '../../web/src/actuals/regate-words.ts';
import { gridMonths, monthIndexOf, monthOf, observableSeries } from '../../web/src/actuals/series-catalog.ts';
import { actualsCase, clerkTimeSeries } from './actuals-fixtures.ts';

describe('actuals grid: months, series and changed rows', () => {
  it('maps month indexes to calendar months across a year end', () => {
    expect(monthOf('2026-11-01', 1)).toBe('2026-11');
    expect(monthOf('2026-11-01', 3)).toBe('2027-01');
    expect(monthIndexOf('2026-11-01', '2027-01')).toBe(3);
    expect(monthIndexOf('2026-11-01', '2026-10')).toBe(0);
  });

  it('lists months up to today, never beyond the horizon, and as far as the latest actual', () => {
    const base = { startDate: '2026-11-01', horizonMonths: 6, latest: null };
    expect(gridMonths({ ...base, today: '2027-01-31' })).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(gridMonths({ ...base, today: '2026-10-01' })).toEqual([]);
    expect(gridMonths({ ...base, today: '2026-10-01', latest: '2026-12' })).toEqual(['2026-11', '2026-12']);
    expect(gridMonths({ ...base, today: '2030-01-01' })).toHaveLength(6);
  });

  it('names the observable series of a case in group order', () => {
    const document = { ...actualsCase().document, observableVariables: ['volume'] };
    expect(observableSeries(document).map((s) => `${s.group} ${s.id} ${s.unit}`)).toEqual([
      'metric metric:handle_time min',
      'benefit benefit:clerk_time EUR',
      'cost cost:integration EUR',
      'cost cost:infrastructure EUR',
      'net net EUR',
      'adoption adoption share',
      'variable variable:volume ',
    ]);
  });

  it('reads numbers as people type them', () => {
    expect(parseCellValue(' 1,234,567.25 ')).toBe(1234567.25);
    expect(parseCellValue('45%')).toBe(0.45);
    expect(parseCellValue('−12')).toBe(-12);
    expect(parseCellValue('1e3')).toBe(1000);
    expect(parseCellValue('12,5')).toBeNull();
    expect(parseCellValue('abc')).toBeNull();
    expect(parseCellValue('')).toBeNull();
  });

  it('posts new and changed cells only, and keeps the newest change as the stored value', () => {
    const stored = storedActuals(
      [
        { month: '2027-01', series: 'net', value: 7, previousValue: 5, note: null, changedBy: 'b', changedAt: '2027-02-02T00:00:00Z' },
        { month: '2027-01', series: 'net', value: 5, previousValue: null, note: null, changedBy: 'a', changedAt: '2027-02-01T00:00:00Z' },
      ],
      null,
    );
    expect(stored.get('2027-01|net')?.value).toBe(7);
    const edits = new Map([
      ['2027-01|net', '7'],
      ['2027-02|net', '8'],
      ['2027-01|adoption', '0.2'],
      ['2027-02|adoption', ''],
      ['2027-03|net', 'x'],
    ]);
    expect(changedRows(edits, stored, ['2027-01', '2027-02', '2027-03'], ['net', 'adoption'])).toEqual({
      rows: [
        { month: '2027-01', series: 'adoption', value: 0.2 },
        { month: '2027-02', series: 'net', value: 8 },
      ],
      invalid: [{ month: '2027-03', series: 'net', text: 'x' }],
    });
  });

  it('says on which side of the band a flagged series fell', () => {
    expect(regateSentence(clerkTimeSeries())).toBe('Clerk-time benefit was below P10 in 2027-05 and 2027-06: re-gate');
    const above = clerkTimeSeries();
    above.observations = above.observations.map((o) => ({ ...o, value: o.month >= '2027-05' ? 1300 : o.value }));
    expect(regateSentence(above)).toBe('Clerk-time benefit was above P90 in 2027-05 and 2027-06: re-gate');
    expect(regateSentence({ ...above, regate: { flagged: false, months: [] } })).toBeNull();
  });
});
