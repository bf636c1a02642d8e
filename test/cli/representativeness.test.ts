import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceCase, META } from '../evidence/evidence-case.ts';
import { cli } from '../helpers/run-cli-in-process.ts';

const dir = join('test-artifacts', 'cli-representativeness');
mkdirSync(dir, { recursive: true });
const file = join(dir, 'curated.json');
// Prior N(100, 10²), a curated sample of 40 with mean 80 and sd 30; NPV is exactly 12·x.
writeFileSync(
  file,
  JSON.stringify(
    evidenceCase({
      distribution: { type: 'normal', mean: 100, sd: 10 },
      evidence: { summary: { n: 40, mean: 80, sd: 30 }, representativeness: 'curated', ...META },
    }),
  ),
);
/** The normal–normal posterior mean with n_eff = factor·40 (docs/methods.md). */
const posteriorMean = (factor: number): number => (1 + (factor * 40 * 80) / 900) / (1 / 100 + (factor * 40) / 900);

describe('--representativeness', () => {
  it('weighs the evidence by the given factors in evidence, simulate and gate; unset, by 1, ½, ¼', async () => {
    const evidence = await cli('evidence', file, '--trials', '1000', '--representativeness', 'curated=0.5', '--json');
    expect(evidence.code, evidence.stderr).toBe(0);
    const row = JSON.parse(evidence.stdout).inputs[0];
    expect(row).toMatchObject({ factor: 0.5, effectiveN: 20 });
    expect(row.updated.mean).toBeCloseTo(posteriorMean(0.5), 9);
    expect((await cli('evidence', file, '--trials', '1000')).stdout).toContain('curated: counted as 10 (factor 0.25)');

    const simulate = await cli('simulate', file, '--trials', '1000', '--representativeness', 'production=1,similar=0.5,curated=1', '--json');
    expect(simulate.code, simulate.stderr).toBe(0);
    expect(Number(JSON.parse(simulate.stdout).pointEstimate.inputs.x)).toBeCloseTo(posteriorMean(1), 9);

    const gate = await cli('gate', file, '--trials', '1000', '--representativeness', 'curated=0.5', '--json');
    expect(gate.code, gate.stderr).toBe(0);
    expect(gate.stdout).toContain('counted as 20 (factor 0.5)');
  });

  it('refuses a factor outside (0, 1], an unknown name or a malformed list with exit 2, naming it', async () => {
    for (const [value, named] of [
      ['curated=0', 'curated must be a number greater than 0 and at most 1'],
      ['similar=2', 'similar must be'],
      ['pilot=0.5', 'pilot is not a representativeness'],
      ['curated', 'give NAME=FACTOR pairs'],
    ]) {
      const result = await cli('simulate', file, '--representativeness', value);
      expect(result.code, value).toBe(2);
      expect(result.stderr).toContain(`--representativeness: `);
      expect(result.stderr).toContain(named);
    }
  });
});
