import { openDatabase } from '../../api/storage/open-database.ts';
import { minimalCase } from '../helpers/minimal-case.ts';
import { FuzzRng } from './fuzz-values.ts';
import { startServerProcess, type ServerProcess, type ServerStore } from './server-process.ts';

/** What a series of kill -9 cycles measured. */
export interface KillFigures {
  cycles: number;
  /** Writes whose 200/201 reached the client: case creations and new versions. */
  acknowledged: number;
  /** Acknowledged writes missing after a restart (must be 0). */
  lost: number;
  /** Starts that failed to open the store (must be 0). */
  failedRestarts: number;
  /** Listed cases that cannot be read after a restart, e.g. a case row without a version (must be 0). */
  brokenCases: number;
  wallSeconds: number;
  /** One line per lost write, broken case or failed write request, for the failure message. */
  problems: string[];
}

interface TrackedCase {
  /** Written to since the last restart: checked after the next one. */
  dirty: boolean;
  /** Version to send in If-Match next. */
  known: number;
  /** Acknowledged versions and the message each carries (null for the creation). */
  acked: Map<number, string | null>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One writer: creates cases and adds versions until its requests fail because the server died. */
async function writer(
  url: string,
  rng: FuzzRng,
  cases: Map<string, TrackedCase>,
  label: string,
  counts: { acknowledged: number; errors: string[] },
): Promise<void> {
  for (let n = 0; ; n++) {
    try {
      const ids = [...cases.keys()];
      if (ids.length === 0 || rng.chance(0.3)) {
        const response = await fetch(`${url}/api/cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(minimalCase({ name: `${label} n${n}` })),
        });
        if (response.status !== 201) throw new Error(`create answered ${response.status}: ${await response.text()}`);
        const { id } = (await response.json()) as { id: string };
        cases.set(id, { dirty: true, known: 1, acked: new Map([[1, null]]) });
        counts.acknowledged++;
        continue;
      }
      const id = rng.pick(ids);
      const tracked = cases.get(id)!;
      tracked.dirty = true;
      const message = `${label}-n${n}`;
      const response = await fetch(`${url}/api/cases/${id}?message=${message}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'if-match': `"v${tracked.known}"` },
        body: JSON.stringify(minimalCase({ name: `${label} n${n}`, description: message })),
      });
      const body = (await response.json()) as { currentVersion?: number; current?: { currentVersion: number } };
      if (response.status === 200) {
        tracked.known = body.currentVersion!;
        tracked.acked.set(tracked.known, message);
        counts.acknowledged++;
      } else if (response.status === 412) tracked.known = body.current!.currentVersion;
      else throw new Error(`edit answered ${response.status}`);
    } catch (error) {
      // A connection cut by the kill ends the writer; an HTTP error before it is a finding.
      if (error instanceof Error && error.message.includes('answered')) counts.errors.push(`${label}: ${error.message.slice(0, 300)}`);
      return;
    }
  }
}

/**
 * Reads back the acknowledged writes of the cases written since the last restart (all
 * cases, and every listed case, when `full`); returns the problems found. Checking only
 * what changed keeps a long series linear; the last restart checks everything again.
 */
async function verify(url: string, cases: Map<string, TrackedCase>, full: boolean): Promise<{ lost: string[]; broken: string[] }> {
  const lost: string[] = [];
  const broken: string[] = [];
  const health = await fetch(`${url}/api/health`);
  if (health.status !== 200) broken.push(`/api/health answered ${health.status}`);
  for (const [id, tracked] of cases) {
    if (!full && !tracked.dirty) continue;
    tracked.dirty = false;
    const response = await fetch(`${url}/api/cases/${id}/versions`);
    const items = response.status === 200 ? ((await response.json()) as { items: { version: number; message: string | null }[] }).items : [];
    const stored = new Map(items.map((item) => [item.version, item.message]));
    for (const [version, message] of tracked.acked) {
      // A creation's message is the server's own; an edit's is the one the writer sent.
      if (!stored.has(version) || (message !== null && stored.get(version) !== message))
        lost.push(`case ${id} version ${version} (${message ?? 'creation'}): ${response.status}`);
    }
    // The next writer starts from what is stored, acknowledged or not.
    tracked.known = Math.max(tracked.known, ...stored.keys());
  }
  for (let offset = 0; full; offset += 500) {
    const list = await fetch(`${url}/api/cases?limit=500&offset=${offset}&includeArchived=true`);
    if (list.status !== 200) {
      broken.push(`GET /api/cases answered ${list.status}: ${(await list.text()).slice(0, 200)}`);
      break;
    }
    const { items } = (await list.json()) as { items: { id: string }[] };
    for (const item of items) {
      const read = await fetch(`${url}/api/cases/${item.id}`);
      if (read.status !== 200) broken.push(`listed case ${item.id} reads ${read.status}: ${(await read.text()).slice(0, 200)}`);
    }
    if (items.length < 500) break;
  }
  return { lost, broken };
}

/**
 * Starts the real server on one store, lets `writers` clients create cases and add
 * versions, kills the process with SIGKILL after a seeded 150–650 ms, restarts it on the
 * same store and checks every acknowledged write is there; `cycles` times, then a last
 * restart and check.
 *
 * @example
 * const figures = await runKillCycles(bundle.entry, { dataDir }, { cycles: 10 });
 */
export async function runKillCycles(
  entry: string,
  store: ServerStore,
  options: { cycles: number; writers?: number; seed?: number; log?: (line: string) => void },
): Promise<KillFigures> {
  const rng = new FuzzRng(options.seed ?? 9);
  const cases = new Map<string, TrackedCase>();
  const counts = { acknowledged: 0, errors: [] as string[] };
  const figures: KillFigures = { cycles: 0, acknowledged: 0, lost: 0, failedRestarts: 0, brokenCases: 0, wallSeconds: 0, problems: [] };
  const reportedLost = new Set<string>();
  const started = performance.now();
  let server: ServerProcess | undefined;
  for (let cycle = 0; cycle <= options.cycles; cycle++) {
    try {
      server = await startServerProcess(entry, store);
    } catch (error) {
      figures.failedRestarts++;
      figures.problems.push(`start ${cycle}: ${String(error).slice(0, 500)}`);
      break;
    }
    const { lost, broken } = await verify(server.url, cases, cycle === options.cycles);
    // A write lost once is counted once, not again after every later restart.
    const newlyLost = lost.filter((line) => !reportedLost.has(line));
    for (const line of newlyLost) reportedLost.add(line);
    figures.lost += newlyLost.length;
    figures.brokenCases += broken.length;
    figures.problems.push(...newlyLost.map((line) => `after kill ${cycle}: lost ${line}`), ...broken.map((line) => `after kill ${cycle}: ${line}`));
    if (cycle === options.cycles) break;
    const before = counts.acknowledged;
    const writing = Promise.all(
      Array.from({ length: options.writers ?? 4 }, (_, w) => writer(server!.url, new FuzzRng(rng.int(2 ** 31)), cases, `c${cycle}w${w}`, counts)),
    );
    // Kill while writes are flowing: after the first few are acknowledged (the first requests warm the process up), then a seeded 50–550 ms more.
    for (let waited = 0; counts.acknowledged - before < 3 && waited < 10_000; waited += 25) await sleep(25);
    await sleep(50 + rng.int(500));
    server.child.kill('SIGKILL');
    await server.exited;
    await writing;
    figures.cycles++;
    options.log?.(`cycle ${figures.cycles}: ${counts.acknowledged} writes acknowledged so far, ${figures.lost} lost`);
  }
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  figures.acknowledged = counts.acknowledged;
  figures.problems.push(...counts.errors);
  figures.wallSeconds = (performance.now() - started) / 1000;
  return figures;
}

/**
 * Case rows without any version, read from the store itself (the API hides them): what a
 * non-atomic case creation leaves behind when the process dies between its two inserts.
 * Call with the server stopped (PGlite allows one process per data directory).
 *
 * @example
 * const orphans = await orphanCases({ dataDir });
 */
export async function orphanCases(store: ServerStore): Promise<string[]> {
  const db = await openDatabase('dataDir' in store ? { dataDir: store.dataDir } : { databaseUrl: store.databaseUrl });
  try {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_versions v WHERE v.case_id = c.id)');
    return rows.map((row) => row.id);
  } finally {
    await db.close();
  }
}
