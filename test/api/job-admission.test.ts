import { describe, expect, it } from 'vitest';
import { JobAdmission, LimitConfigError, QueueFullError, queueLimitsFromEnv } from '../../api/jobs/job-admission.ts';
import { analysisCost, runCost } from '../../api/jobs/job-cost.ts';
import { trialsCsvStream } from '../../api/services/trials-csv.ts';

describe('job admission', () => {
  it('counts per token and in all, refuses beyond either bound, and frees a place once per release', () => {
    const admission = new JobAdmission({ global: 3, perToken: 2 });
    const a1 = admission.acquire('alice');
    admission.acquire('alice');
    expect(() => admission.acquire('alice')).toThrow(QueueFullError);
    const b1 = admission.acquire('bob');
    expect(() => admission.acquire('bob')).toThrow(/the server already has 3 runs and analyses queued or running/);
    a1();
    a1();
    expect(admission.count()).toBe(2);
    expect(admission.count('alice')).toBe(1);
    b1();
    expect(admission.acquire(undefined)).toBeTypeOf('function');
    expect(admission.count()).toBe(2);
  });

  it('answers 429 with a whole-second Retry-After between 1 and 300', () => {
    const admission = new JobAdmission({ global: 1, perToken: 1 });
    admission.acquire('alice');
    try {
      admission.acquire('alice');
      expect.unreachable();
    } catch (error) {
      const full = error as QueueFullError;
      expect(full.status).toBe(429);
      expect(full.headers['Retry-After']).toMatch(/^([1-9]|[1-9]\d|[12]\d\d|300)$/);
    }
  });

  it('reads its limits from the environment and names a bad variable', () => {
    expect(queueLimitsFromEnv({})).toEqual({ global: 32, perToken: 8 });
    expect(queueLimitsFromEnv({ VALUEGATE_MAX_QUEUED_JOBS: '5', VALUEGATE_MAX_QUEUED_JOBS_PER_TOKEN: '2' })).toEqual({ global: 5, perToken: 2 });
    expect(() => queueLimitsFromEnv({ VALUEGATE_MAX_QUEUED_JOBS: '0' })).toThrow(LimitConfigError);
    expect(() => queueLimitsFromEnv({ VALUEGATE_MAX_QUEUED_JOBS_PER_TOKEN: 'many' })).toThrow(/VALUEGATE_MAX_QUEUED_JOBS_PER_TOKEN/);
  });
});

describe('job cost', () => {
  const document = { horizonMonths: 60, inputs: { a: {}, b: {}, c: {} } };
  it('counts model runs × months: trials for a run, baseSamples × (k + 2) for Sobol, 2k + 1 for a tornado', () => {
    expect(runCost(document, 1_000_000)).toMatchObject({ modelRuns: 1_000_000, months: 60, cost: 60_000_000 });
    expect(analysisCost(document, 'sobol', { baseSamples: 1024 }, 10_000)).toMatchObject({ modelRuns: 1024 * 5, cost: 1024 * 5 * 60 });
    expect(analysisCost(document, 'sobol', {}, 10_000).modelRuns).toBe(16_384 * 5);
    expect(analysisCost(document, 'tornado', {}, 10_000).modelRuns).toBe(7);
    expect(analysisCost(document, 'gate', {}, 20_000).modelRuns).toBe(20_000);
  });
});

describe('trials.csv stream', () => {
  it('renders rows only when read, in chunks of about 64 KB, with the exact values', async () => {
    const trials = 50_000;
    const outputs = {
      npv: Float64Array.from({ length: trials }, (_, i) => i * 1.5 - 7),
      irr: Float64Array.from({ length: trials }, (_, i) => (i % 2 ? NaN : -Infinity)),
    };
    let ended = 0;
    const reader = trialsCsvStream(outputs, trials, () => ended++).getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    const text = new TextDecoder().decode(Buffer.concat(chunks));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('trial,npv,irr');
    expect(lines[1]).toBe('1,-7,-Infinity');
    expect(lines[2]).toBe('2,-5.5,');
    expect(lines).toHaveLength(trials + 1);
    expect(Math.max(...chunks.slice(1).map((chunk) => chunk.byteLength))).toBeLessThan(64 * 1024 + 100);
    expect(ended).toBe(1);
  });

  it('calls onEnd once when the reader goes away early', async () => {
    let ended = 0;
    const stream = trialsCsvStream({ npv: new Float64Array(100_000) }, 100_000, () => ended++);
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    expect(ended).toBe(1);
  });
});
