// Analysis benchmarks: Sobol at 2^14 base samples and EVPPI over every input, medians of repeats.
import { readFileSync } from 'node:fs';
import { median } from 'simple-statistics';
import { measurementCosts, sobolAnalysis, valueOfInformation } from '../../models/analysis/index.ts';
import { parseCase } from '../../models/compile/validate-case.ts';
import { simulate } from '../../models/engine/simulate.ts';

const fixture = process.argv[2];
const { case: bc, model } = parseCase(JSON.parse(readFileSync(fixture, 'utf8')));

const sobolMs: number[] = [];
let evaluations = 0;
for (let r = 0; r < 3; r++) {
  const start = performance.now();
  evaluations = sobolAnalysis(model, { baseSamples: 16_384, seed: r + 1 }).evaluations;
  sobolMs.push(performance.now() - start);
}
process.stdout.write(
  JSON.stringify({
    measurement: 'sobol',
    fixture,
    baseSamples: 16_384,
    inputs: model.inputs.length,
    modelRuns: evaluations,
    bootstrapResamples: 200,
    medianMs: Math.round(median(sobolMs)),
    runs: 3,
  }) + '\n',
);

const sample = simulate(model, { trials: 20_000, seed: 1, keepInputs: true, fanTrials: 0 });
const costs = measurementCosts(bc);
const evppiMs: number[] = [];
for (let r = 0; r < 7; r++) {
  const start = performance.now();
  valueOfInformation(model, costs, sample);
  evppiMs.push(performance.now() - start);
}
process.stdout.write(
  JSON.stringify({ measurement: 'evppi-all-inputs', fixture, trials: 20_000, inputs: model.inputs.length, medianMs: +median(evppiMs).toFixed(1), runs: 7 }) +
    '\n',
);
