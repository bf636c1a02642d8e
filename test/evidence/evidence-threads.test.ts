import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../api/workers/worker-pool.ts';
import { runCase } from '../../models/pipeline/index.ts';
import { META } from './evidence-case.ts';

const fingerprint = (value: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v instanceof Float64Array ? Array.from(v) : v)))
    .digest('hex');

describe('evidence on worker threads', () => {
  it('a case with evidence gives the same bits on a pool of worker threads as on the calling thread, and the point estimate uses the updated median', async () => {
    const document = JSON.parse(readFileSync('fixtures/contact-center-assistant.json', 'utf8'));
    const plain = await runCase(structuredClone(document), { trials: 8_192 });
    document.inputs.minutesSavedPerContact.evidence = { summary: { n: 60, mean: 0.8, sd: 1.2 }, representativeness: 'curated', ...META };
    document.inputs.eligibleShare.evidence = { proportion: { successes: 140, trials: 200 }, representativeness: 'similar', ...META };
    const pool = new WorkerPool({ workers: 2, minTrialsForWorkers: 1, warmUp: false });
    try {
      const pooled = await runCase(document, { trials: 40_000 }, pool.host());
      const inThread = await runCase(document, { trials: 40_000 });
      expect(fingerprint(pooled.summary)).toBe(fingerprint(inThread.summary));
      const withEvidence = await runCase(document, { trials: 8_192 });
      expect(fingerprint(withEvidence.summary)).not.toBe(fingerprint(plain.summary));
      expect(Number(withEvidence.pointEstimate!.inputs.minutesSavedPerContact)).toBeLessThan(Number(plain.pointEstimate!.inputs.minutesSavedPerContact));
    } finally {
      await pool.close();
    }
  });
});
