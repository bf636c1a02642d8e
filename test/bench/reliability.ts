// `npm run bench:reliability`: kill -9 of the real server during writes, 50 cycles (the test
// suite runs 10), on PGlite in a temporary data directory and, when TEST_DATABASE_URL is set,
// on PostgreSQL in a schema of its own. Prints one JSON line per store with the figures:
// cycles, writes acknowledged and lost, failed restarts, cases without a version, wall time.
// CYCLES=n overrides the count.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { orphanCases, runKillCycles } from '../reliability/kill-cycles.ts';
import { buildServerBundle, type ServerStore } from '../reliability/server-process.ts';

const cycles = Number(process.env.CYCLES ?? 50);
const server = await buildServerBundle();
let failed = false;

async function measure(kind: string, store: ServerStore): Promise<void> {
  const figures = await runKillCycles(server.entry, store, { cycles, log: (line) => process.stderr.write(`${kind}: ${line}\n`) });
  const orphans = await orphanCases(store);
  const { problems, ...counts } = figures;
  process.stdout.write(
    `${JSON.stringify({ store: kind, ...counts, wallSeconds: Number(counts.wallSeconds.toFixed(1)), casesWithoutVersion: orphans.length })}\n`,
  );
  for (const problem of problems.slice(0, 20)) process.stderr.write(`${kind}: ${problem}\n`);
  failed ||= figures.lost > 0 || figures.failedRestarts > 0 || orphans.length > 0 || problems.length > 0;
}

try {
  const dataDir = mkdtempSync(join(tmpdir(), 'valuegate-bench-kill-'));
  try {
    await measure('pglite', { dataDir });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (process.env.TEST_DATABASE_URL) {
    const schema = `bench_kill_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    try {
      await measure('postgres', { databaseUrl: url.toString() });
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    }
  } else process.stderr.write('postgres: skipped (set TEST_DATABASE_URL)\n');
} finally {
  server.remove();
}
process.exitCode = failed ? 1 : 0;
