import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CaseError } from '../../models/case/case-error.ts';
import { parseCase } from '../../models/compile/validate-case.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { summarizeRun } from '../../models/engine/summarize-run.ts';
import { resolveSettings, runCase } from '../../models/pipeline/index.ts';
import { WorkerPool } from '../../api/workers/worker-pool.ts';

// Cases only: fixtures/post-launch/ holds the seeding plans (runs, decisions, actuals), not cases.
const fixtures = readdirSync(new URL('../../fixtures/', import.meta.url))
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({
    file,
    document: JSON.parse(readFileSync(new URL(`../../fixtures/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>,
  }));

/** Hash of a summary with every float's exact bits (JSON writes the shortest round-trip form). */
const fingerprint = (value: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v instanceof Float64Array ? Array.from(v) : v)))
    .digest('hex');

/** The default effective-sample-size factors (docs/methods.md): 1, ½, ¼. */
const F = { production: 1, similar: 0.5, curated: 0.25 };

describe('resolveSettings', () => {
  it('takes the request over the case over the defaults, each setting on its own', () => {
    expect(resolveSettings({}, {})).toEqual({ trials: 10_000, seed: 1, sampling: 'lhs', representativenessFactors: F });
    expect(resolveSettings({ simulation: { trials: 20_000, seed: 42 } }, { seed: 7 })).toEqual({
      trials: 20_000,
      seed: 7,
      sampling: 'lhs',
      representativenessFactors: F,
    });
    expect(resolveSettings({ simulation: { sampling: 'mc' } }, { trials: 5 })).toEqual({ trials: 5, seed: 1, sampling: 'mc', representativenessFactors: F });
  });

  it('lets a precision-controlled run use up to 1M trials, or the service cap, and targets NPV by default', () => {
    expect(resolveSettings({ simulation: { trials: 20_000 } }, { precision: { relativeHalfWidth: 0.01 } })).toEqual({
      trials: 1_000_000,
      seed: 1,
      sampling: 'lhs',
      precision: { relativeHalfWidth: 0.01, output: 'npv' },
      representativenessFactors: F,
    });
    expect(resolveSettings({}, { precision: { relativeHalfWidth: 0.01, output: 'roi' } }, 200_000).trials).toBe(200_000);
    expect(resolveSettings({}, { trials: 65_536, precision: { relativeHalfWidth: 0.01 } }).trials).toBe(65_536);
  });
});

describe('runCase', () => {
  it.each(fixtures.flatMap(({ file, document }) => (['lhs', 'mc'] as const).map((sampling) => [file, sampling, document] as const)))(
    '%s (%s) gives the same bits as the engine called directly with the case’s own settings',
    async (_file, sampling, document) => {
      const run = await runCase(document, { trials: 12_000, sampling });
      const direct = parseCase(document);
      const own = (document.simulation ?? {}) as { seed?: number };
      const expected = summarizeRun(direct.model, simulate(direct.model, { trials: 12_000, seed: own.seed ?? 1, sampling }));
      expect(run.settings).toEqual({ trials: 12_000, seed: own.seed ?? 1, sampling, representativenessFactors: F });
      expect(fingerprint(run.summary)).toBe(fingerprint(expected));
      expect(run.pointEstimate?.npv).toMatch(/^-?\d+\.\d{2}$/);
    },
  );

  it('doubles under precision control exactly as separate runs of each size would, and reports every run', async () => {
    const document = fixtures[0].document;
    const run = await runCase(document, { seed: 3, precision: { relativeHalfWidth: 0.05 } });
    const runs = run.summary.precision!.runs;
    expect(runs[0]).toBe(16_384);
    for (let index = 1; index < runs.length; index++) expect(runs[index]).toBe(runs[index - 1] * 2);
    const direct = parseCase(document);
    const last = summarizeRun(direct.model, simulate(direct.model, { trials: runs.at(-1)!, seed: 3 }));
    expect(run.summary.outputs.npv.mean).toBe(last.outputs.npv.mean);
    expect(run.summary.precision!.relativeHalfWidth).toBeLessThanOrEqual(0.05);
  });

  it('gives the same bits on a pool of worker threads as on the calling thread', async () => {
    const pool = new WorkerPool({ workers: 2, minTrialsForWorkers: 1, warmUp: false });
    try {
      const document = fixtures[0].document;
      const pooled = await runCase(document, { trials: 40_000 }, pool.host());
      const inThread = await runCase(document, { trials: 40_000 });
      expect(fingerprint(pooled.summary)).toBe(fingerprint(inThread.summary));
    } finally {
      await pool.close();
    }
  });

  it('refuses an invalid case with every issue, before simulating anything', async () => {
    const error = await runCase({ formatVersion: 1, name: 'x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CaseError);
    expect((error as CaseError).issues.length).toBeGreaterThan(3);
  });
});
