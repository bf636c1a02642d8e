import { describe, expect, it } from 'vitest';

/** Intl puts a no-break space before the euro sign in German; compare on plain spaces. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');
import { caseFormat } from '../../web/src/lib/format.ts';
import { parseNumber } from '../../web/src/components/number-field.tsx';
import { formatUnitValue } from '../../web/src/lib/units.ts';

describe('case formatting follows currency and locale', () => {
  it('formats money in the case currency and locale', () => {
    expect(plain(caseFormat('EUR', 'de-DE').money(1234567.8))).toBe('1.234.568 €');
    expect(caseFormat('USD', 'en-US').money(-1234.4)).toBe('-$1,234');
    expect(caseFormat('GBP', 'en-GB').moneyCompact(2_300_000)).toBe('£2.3m');
  });

  it('falls back to whole units where the locale does not abbreviate', () => {
    expect(plain(caseFormat('EUR', 'de-DE').moneyCompact(509_240.7))).toBe('509.241 €');
    expect(plain(caseFormat('EUR', 'de-DE').moneyCompact(2_600_000))).toBe('2,6 Mio. €');
  });

  it('shows payback beyond the horizon in words and missing figures as a dash', () => {
    const format = caseFormat('EUR');
    expect(format.months(Infinity)).toBe('beyond the horizon');
    expect(format.money(null)).toBe('—');
    expect(format.percent(0.7354)).toBe('73.5%');
  });

  it('survives an unknown locale or currency', () => {
    expect(caseFormat('XXXX', 'nope-NOPE').money(10)).toBe('€10');
  });

  it('formats values with their units', () => {
    const format = caseFormat('EUR', 'en-GB');
    expect(formatUnitValue(format, 38.5, 'EUR/hour')).toBe('€38.50/hour');
    expect(formatUnitValue(format, 0.42, 'share')).toBe('42%');
    expect(formatUnitValue(format, 150_000, 'contacts/month')).toBe('150,000 contacts/month');
  });

  it('leaves the unit to the axis label in compact axis ticks, so four ticks of a narrow preview do not overlap', () => {
    const format = caseFormat('EUR', 'en-GB');
    // Was "€2.00/month": four such ticks overlapped in the 270-pixel preview of a "2 to 6" EUR/month input.
    expect(formatUnitValue(format, 2, 'EUR/month', true)).toBe('€2.00');
    expect(formatUnitValue(format, 25_000, 'EUR/month', true)).toBe('€25.0k');
    expect(formatUnitValue(format, 2, 'EUR/month')).toBe('€2.00/month');
  });
});

describe('parseNumber accepts what people type', () => {
  it.each([
    ['1250', 1250],
    ['1 250,5', 1250.5],
    ['0,5', 0.5],
    ['1,250.5', 1250.5],
    ['12%', 0.12],
    ['-3e2', -300],
    ['', undefined],
    ['two', null],
  ])('%s → %s', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  it('never shows "-0.0 %" for a tiny negative estimate, and reads a stored run\'s "Infinity" payback as beyond the horizon', () => {
    const en = caseFormat('EUR', 'en-GB');
    expect(en.percent(-0.0004)).toBe('0%');
    expect(en.percent(-0.05)).toBe('-5%');
    expect(en.months('Infinity' as unknown as number)).toBe('beyond the horizon');
    expect(en.months(Infinity)).toBe('beyond the horizon');
    expect(en.months(14)).toBe('14 months');
  });
});
