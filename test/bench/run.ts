// `npm run bench`: prints one JSON line per measurement (medians; the machine is shared and noisy).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { median } from 'simple-statistics';
import { parseCase } from '../../models/compile/validate-case.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { summarizedOutputs } from '../../models/engine/summarize-run.ts';
import { naiveNpv } from './naive-mathjs.ts';
import { bundle } from '../../api/build/bundle.ts';

// The simulation is measured as deployed: bundled JavaScript on plain Node, without the
// TypeScript loader (which alone adds ~140 MB of memory per process).
await bundle();
const MEASURE_SIMULATION = 'api/dist/measure-simulation.mjs';
const HAND_WRITTEN_REFERENCE = 'api/dist/hand-written-reference.mjs';

const FIXTURE = 'fixtures/contact-center-assistant.json';
const REFERENCE_MODEL = 'test/bench/reference-model.json';
const sizes: [number, number][] = [
  [10_000, 21],
  [100_000, 9],
  [1_000_000, 5],
];

const engine: Record<number, number> = {};
for (const [trials, repeats] of sizes) {
  const line = execFileSync(process.execPath, [MEASURE_SIMULATION, FIXTURE, String(trials), String(repeats)], {
    encoding: 'utf8',
  });
  process.stdout.write(line);
  engine[trials] = JSON.parse(line).medianWithSummaryMs;
}

// The model behind the hand-written timings in ../shared/notes/performance.md (20 inputs,
// 60 months, Monte Carlo), through the general engine and through a hand-written tuned loop
// of the same model (test/bench/hand-written-reference.ts), alternated so that both see the
// same machine: how far generality costs. The notes' own figure is printed for context only,
// since it was measured on another day and machine.
const NOTES_HAND_WRITTEN_MS = 270; // tuned columnar loop, 2 warm worker threads, 1M trials with summary
const ROUNDS = 3;
const engineRounds: { medianSimulateMs: number; medianWithSummaryMs: number; peakRssMb: number }[] = [];
const handRounds: { medianSimulateMs: number; medianWithSummaryMs: number }[] = [];
for (let round = 0; round < ROUNDS; round++) {
  engineRounds.push(JSON.parse(execFileSync(process.execPath, [MEASURE_SIMULATION, REFERENCE_MODEL, '1000000', '3'], { encoding: 'utf8' })));
  handRounds.push(JSON.parse(execFileSync(process.execPath, [HAND_WRITTEN_REFERENCE, '1000000', '3'], { encoding: 'utf8' })));
}
const engineReference = {
  simulateMs: median(engineRounds.map((round) => round.medianSimulateMs)),
  withSummaryMs: median(engineRounds.map((round) => round.medianWithSummaryMs)),
};
const handWritten = {
  simulateMs: median(handRounds.map((round) => round.medianSimulateMs)),
  withSummaryMs: median(handRounds.map((round) => round.medianWithSummaryMs)),
};
process.stdout.write(
  JSON.stringify({
    measurement: 'engine-vs-hand-written-reference',
    model: REFERENCE_MODEL,
    trials: 1_000_000,
    threads: 2,
    rounds: ROUNDS,
    engineSimulateMs: engineReference.simulateMs,
    handWrittenSimulateMs: handWritten.simulateMs,
    simulateRatio: +(engineReference.simulateMs / handWritten.simulateMs).toFixed(2),
    engineWithSummaryMs: engineReference.withSummaryMs,
    handWrittenWithSummaryMs: handWritten.withSummaryMs,
    withSummaryRatio: +(engineReference.withSummaryMs / handWritten.withSummaryMs).toFixed(2),
    engineOutputsSummarised: [...summarizedOutputs(parseCase(JSON.parse(readFileSync(REFERENCE_MODEL, 'utf8'))).model).map((output) => output.id), 'fan'],
    handWrittenOutputsSummarised: ['npv', 'roi', 'discountedPaybackMonth'],
    notesHandWrittenWithSummaryMs: NOTES_HAND_WRITTEN_MS,
    engineRssMb: Math.max(...engineRounds.map((round) => round.peakRssMb)),
  }) + '\n',
);

// Peak RSS of one 1M-trial run on its own (after one warm-up run), as the CLI pays it.
const single = JSON.parse(execFileSync(process.execPath, [MEASURE_SIMULATION, FIXTURE, '1000000', '1'], { encoding: 'utf8' }));
process.stdout.write(JSON.stringify({ measurement: 'simulate-1m-single-run-memory', fixture: FIXTURE, trials: 1_000_000, peakRssMb: single.peakRssMb }) + '\n');

for (const script of ['test/bench/measure-analyses.ts', 'test/bench/measure-api-run.ts']) {
  process.stdout.write(execFileSync(process.execPath, [...process.execArgv, script, FIXTURE], { encoding: 'utf8' }));
}

const bc = parseCase(JSON.parse(readFileSync(FIXTURE, 'utf8')));
const naiveTrials = 10_000;
const naiveStart = performance.now();
naiveNpv(bc.case, naiveTrials);
const naiveMs = performance.now() - naiveStart;
// The engine at the same size, single thread, for a like-for-like ratio.
const singleThread: number[] = [];
for (let r = 0; r < 11; r++) {
  const start = performance.now();
  simulate(bc.model, { trials: naiveTrials, seed: r + 1 });
  singleThread.push(performance.now() - start);
}
singleThread.sort((a, b) => a - b);
const engineMs = singleThread[5];
process.stdout.write(
  JSON.stringify({
    measurement: 'naive-mathjs-vs-engine',
    fixture: FIXTURE,
    trials: naiveTrials,
    naiveMathjsMs: +naiveMs.toFixed(0),
    engineSingleThreadMedianMs: +engineMs.toFixed(2),
    speedup: Math.round(naiveMs / engineMs),
  }) + '\n',
);
