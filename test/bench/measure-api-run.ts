// The API answering a 10k-trial run of a fixture (POST /runs?wait=true): worker pool, storage, summary.
import { readFileSync } from 'node:fs';
import { buildTestApp } from '../helpers/test-app.ts';

const fixture = process.argv[2];
const t = await buildTestApp('pglite');
const created = await (await t.call('POST', '/api/cases', { body: JSON.parse(readFileSync(fixture, 'utf8')), role: 'editor' })).json();
const times: number[] = [];
for (let r = 0; r < 25; r++) {
  const start = performance.now();
  const response = await t.call('POST', `/api/cases/${created.id}/runs?wait=true`, { body: { trials: 10_000, seed: r + 1 }, role: 'editor' });
  await response.json();
  if (r >= 3) times.push(performance.now() - start); // the first runs warm the JIT in the workers
}
await t.close();
times.sort((a, b) => a - b);
process.stdout.write(
  JSON.stringify({
    measurement: 'api-run-10k',
    fixture,
    storage: 'pglite',
    requests: times.length,
    p50Ms: +times[times.length >> 1].toFixed(1),
    p90Ms: +times[Math.floor(times.length * 0.9)].toFixed(1),
  }) + '\n',
);
