import { cli } from '../helpers/run-cli-in-process.ts';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../api/cli/usage-error.ts';

describe('valuegate calibration', () => {
  it('scores the past-pilot fixture’s estimators from their evidence', async () => {
    const text = await cli('calibration', 'fixtures/supplier-email-triage.json', 'fixtures/document-processing.json');
    expect(text.code).toBe(EXIT.ok);
    expect(text.stdout).toMatch(/Ana Ruiz\s+6\s+50 % \(3 of 6\)\s+19 % to 81 %/);
    expect(text.stdout).toMatch(/Ben Okafor\s+5\s+80 % \(4 of 5\)/);
    const json = await cli('calibration', 'fixtures/supplier-email-triage.json', '--json');
    const body = JSON.parse(json.stdout) as { estimators: { estimator: string; wideningFactor: number; ranges: { inside: boolean }[] }[] };
    expect(body.estimators.map((e) => e.estimator)).toEqual(['Ana Ruiz', 'Ben Okafor']);
    // Ana's widest miss: escalation minutes, posterior mean 14.34 against 8 to 12 (median 10): (14.34 − 10)/2.
    expect(body.estimators[0].wideningFactor).toBeCloseTo(2.17, 2);
  });

  it('needs at least one case file', async () => {
    const result = await cli('calibration');
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain('calibration needs at least one case FILE');
  });
});
