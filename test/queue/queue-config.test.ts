import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../api/server/config.ts';
import { queueConfigFromEnv } from '../../api/queue/queue-config.ts';

describe('queue mode settings', () => {
  it('is off unless VALUEGATE_QUEUE=pgboss, which needs DATABASE_URL', () => {
    expect(queueConfigFromEnv({})).toBeUndefined();
    expect(loadConfig({}).queue).toBeUndefined();
    expect(() => loadConfig({ VALUEGATE_QUEUE: 'pgboss' })).toThrow(
      new ConfigError('VALUEGATE_QUEUE', 'pgboss needs DATABASE_URL (a PostgreSQL server the API and every worker reach)'),
    );
    expect(() => loadConfig({ VALUEGATE_QUEUE: 'redis', DATABASE_URL: 'postgres://x' })).toThrow(/^VALUEGATE_QUEUE: must be "pgboss"/);
  });

  it('reads the shard size in whole chunks, the expiry, retries, schema and the re-gate cron', () => {
    const env = { VALUEGATE_QUEUE: 'pgboss', DATABASE_URL: 'postgres://db/valuegate' };
    expect(queueConfigFromEnv(env)).toEqual({
      kind: 'pgboss',
      shardTrials: 131_072,
      shardExpireSeconds: 120,
      retries: 3,
      maintenanceSeconds: 30,
      schema: 'pgboss',
      regateCron: undefined,
      analysisShardRows: 131_072,
      analysisMaxShards: 64,
    });
    expect(queueConfigFromEnv({ ...env, VALUEGATE_SHARD_TRIALS: '8192', VALUEGATE_REGATE_CRON: '0 2 * * *' })).toMatchObject({
      shardTrials: 8192,
      regateCron: '0 2 * * *',
    });
    expect(() => queueConfigFromEnv({ ...env, VALUEGATE_SHARD_TRIALS: '4000' })).toThrow('VALUEGATE_SHARD_TRIALS: must be between 4096 and 10000000, got 4000');
    expect(() => queueConfigFromEnv({ ...env, VALUEGATE_SHARD_TRIALS: '10000' })).toThrow(
      'VALUEGATE_SHARD_TRIALS: must be a multiple of 4096 (whole chunks), got 10000',
    );
    expect(() => queueConfigFromEnv({ ...env, VALUEGATE_REGATE_CRON: 'nightly' })).toThrow(/^VALUEGATE_REGATE_CRON: must be a cron expression of 5 fields/);
    expect(() => queueConfigFromEnv({ ...env, VALUEGATE_QUEUE_SCHEMA: 'x; drop' })).toThrow(/^VALUEGATE_QUEUE_SCHEMA/);
  });

  it('splits analyses into shards of the shard size in model rows unless told otherwise, into at most 64', () => {
    const env = { VALUEGATE_QUEUE: 'pgboss', DATABASE_URL: 'postgres://db/valuegate' };
    expect(queueConfigFromEnv({ ...env, VALUEGATE_SHARD_TRIALS: '8192' })).toMatchObject({ analysisShardRows: 8192, analysisMaxShards: 64 });
    expect(queueConfigFromEnv({ ...env, VALUEGATE_ANALYSIS_SHARD_ROWS: '50000', VALUEGATE_ANALYSIS_MAX_SHARDS: '1' })).toMatchObject({
      analysisShardRows: 50_000,
      analysisMaxShards: 1,
    });
    expect(() => queueConfigFromEnv({ ...env, VALUEGATE_ANALYSIS_SHARD_ROWS: '0' })).toThrow(
      'VALUEGATE_ANALYSIS_SHARD_ROWS: must be between 1 and 1000000000, got 0',
    );
    expect(() => queueConfigFromEnv({ ...env, VALUEGATE_ANALYSIS_MAX_SHARDS: 'many' })).toThrow(
      'VALUEGATE_ANALYSIS_MAX_SHARDS: must be a whole number, got "many"',
    );
    expect(() => queueConfigFromEnv({ ...env, VALUEGATE_ANALYSIS_MAX_SHARDS: '5000' })).toThrow(
      'VALUEGATE_ANALYSIS_MAX_SHARDS: must be between 1 and 1024, got 5000',
    );
  });

  it('the server and the CLI load no pg-boss code unless queue mode is on', () => {
    // In a fresh process (the test runner's may hold pg-boss from other test files): every module the server and the
    // CLI import statically, then whether pg-boss (CommonJS, so in require's cache once loaded) is among them.
    const script = `
      import { createRequire } from 'node:module';
      await import('./api/server/start-server.ts');
      await import('./api/cli/main.ts');
      process.stdout.write(String(Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('/pg-boss/'))));
    `;
    expect(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 })).toBe('false');
  }, 60_000);
});
