// One benchmark measurement in its own process, so peak RSS belongs to this size only.
// Usage: tsx test/bench/measure-simulation.ts FIXTURE TRIALS REPEATS
import { readFileSync } from 'node:fs';
import { median } from 'simple-statistics';
import { parseCase } from '../../models/compile/validate-case.ts';
import { WorkerPool } from '../../api/workers/worker-pool.ts';

const [fixture, trialsText, repeatsText] = process.argv.slice(2);
const trials = Number(trialsText);
const repeats = Number(repeatsText);
const { case: bc, model } = parseCase(JSON.parse(readFileSync(fixture, 'utf8')));
// The case's own sampling method, as `valuegate simulate` uses it.
const sampling = bc.simulation?.sampling ?? 'lhs';
const pool = new WorkerPool({ warmUp: false });
const simulateMs: number[] = [];
const totalMs: number[] = [];
const summaryMs: number[] = [];
// One warm-up run: JIT and worker start-up are not what a warm server pays per run.
await pool.run(model, { trials: Math.min(trials, 200_000), seed: 99, sampling });
for (let r = 0; r < repeats; r++) {
  const start = performance.now();
  const result = await pool.run(model, { trials, seed: r + 1, sampling });
  const simulated = performance.now();
  await pool.summarize(model, result);
  const end = performance.now();
  pool.release(result);
  simulateMs.push(simulated - start);
  totalMs.push(end - start);
  summaryMs.push(end - simulated);
}
await pool.close();
process.stdout.write(
  JSON.stringify({
    measurement: 'simulate',
    fixture,
    trials,
    sampling,
    repeats,
    threads: pool.options.workers,
    medianSimulateMs: +median(simulateMs).toFixed(1),
    medianWithSummaryMs: +median(totalMs).toFixed(1),
    medianSummaryMs: +median(summaryMs).toFixed(1),
    trialsPerSecond: Math.round(trials / (median(totalMs) / 1000)),
    peakRssMb: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
  }) + '\n',
);
