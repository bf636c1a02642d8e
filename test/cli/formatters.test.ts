import { describe, expect, it } from 'vitest';
import { formatters } from '../../api/cli/formatters.ts';

describe('formatters', () => {
  it('shows a probability’s standard error to two decimals of a percent, so a 1M-trial run does not read ± 0 %', () => {
    // P(NPV > 0) ≈ 0.65 over 1,000,000 trials: √(0.65 · 0.35 / 10⁶) = 0.000477.
    expect(formatters('EUR', 'en-GB').percentError(Math.sqrt((0.65 * 0.35) / 1e6))).toBe('0.05%');
    expect(formatters('EUR', 'en-GB').percentError(0.0034)).toBe('0.34%');
    expect(formatters('EUR', 'de-DE').percentError(0.0034)).toBe('0,34\u00a0%');
    expect(formatters('EUR', 'en-GB').percent(0.0034)).toBe('0.3%');
    expect(formatters('EUR', 'en-GB').percentError(Number.NaN)).toBe('n/a');
  });

  it('writes every number in the case locale: counts, fixed decimals and exact decimals to the cent', () => {
    const de = formatters('EUR', 'de-DE');
    expect(de.count(262144)).toBe('262.144');
    expect(formatters('USD', 'en-US').count(262144)).toBe('262,144');
    expect(de.fixed(0.5561, 3)).toBe('0,556');
    expect(de.fixed(-0.0004, 1)).toBe('0,0'); // never "-0,0"
    expect(de.fixed(-0.05, 1)).toBe('-0,1');
    // An exact decimal keeps its own cents: 0.1 + 0.2 style float noise cannot enter.
    expect(de.exactMoney('535449.69')).toBe('535.449,69\u00a0€');
    expect(formatters('USD', 'en-US').exactMoney('-1234567890123.45')).toBe('-$1,234,567,890,123.45');
  });
});
