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
});
