import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../models/case/case-schema.ts';
import { parseCase } from '../../models/compile/validate-case.ts';
import type { CompiledModel } from '../../models/formula/compile-case.ts';
import { chunkScratch, runChunk } from '../../models/engine/run-chunk.ts';
import { instantiate, type KernelBackend } from '../../models/engine/runnable-model.ts';
import { allocateBuffers, type SimulationBuffers } from '../../models/engine/simulation-buffers.ts';
import { chunkCount, simulationEnv, type SimulationEnv } from '../../models/engine/simulation-env.ts';
import { minimalCase } from '../helpers/minimal-case.ts';
import { mulberry32 } from '../helpers/mulberry32.ts';

/*
 * The WebAssembly kernel is a translation of the JavaScript kernel source, operation
 * for operation, so a run must give the same bits with either backend: every output
 * column, the fan, the per-chunk accumulators and correlations. Checked on the three
 * fixtures and the benchmark model (both sampling methods, a partial last chunk), the
 * year-loop form, a case that uses every formula function and operator, and random
 * formulas.
 */
function run(model: CompiledModel, env: SimulationEnv, backend: KernelBackend, computeIrr = true): SimulationBuffers {
  const runnable = instantiate(model, { backend, computeIrr });
  expect(runnable.backend).toBe(backend);
  const buffers = allocateBuffers(model, env);
  const scratch = chunkScratch(runnable);
  for (let chunk = 0; chunk < chunkCount(env.trials); chunk++) runChunk(runnable, env, chunk, buffers, scratch);
  return buffers;
}

function sameBits(a: Float64Array, b: Float64Array): boolean {
  return Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}

function expectSameRun(model: CompiledModel, settings: Partial<SimulationEnv>, computeIrr = true): void {
  const env = simulationEnv({ trials: 2 * 4096 + 1001, fanTrials: 5000, keepInputs: true, ...settings });
  const js = run(model, env, 'js', computeIrr);
  const wasm = run(model, env, 'wasm', computeIrr);
  model.outputs.forEach((output, index) => {
    const [a, b] = [js.outputs[index], wasm.outputs[index]];
    if (a && b) expect(sameBits(a, b), output.id).toBe(true);
    else expect(a, output.id).toBe(b);
  });
  expect(sameBits(js.fan, wasm.fan), 'fan').toBe(true);
  expect(sameBits(js.chunkAccumulators, wasm.chunkAccumulators), 'accumulators').toBe(true);
  expect(sameBits(js.chunkCorrelations, wasm.chunkCorrelations), 'correlations').toBe(true);
  js.inputs!.forEach((column, index) => expect(sameBits(column, wasm.inputs![index]), model.inputs[index].name).toBe(true));
}

const fixture = (path: string): CompiledModel => parseCase(JSON.parse(readFileSync(path, 'utf8'))).model;

/** Every formula function, operator and time name in lines, variables, adoption, pilot and metrics. */
export function everyFormulaCase(): CaseInput {
  return minimalCase({
    horizonMonths: 30,
    inputs: {
      a: { unit: 'x', source: 'test', distribution: { type: 'normal', mean: 0.2, sd: 1 } },
      b: { unit: 'x', source: 'test', distribution: { type: 'uniform', min: 0, max: 1 } },
      c: { unit: 'x', source: 'test', distribution: { type: 'lognormal', p5: 1, p95: 20 } },
      rate: { unit: 'x', source: 'test', distribution: { type: 'uniform', min: -0.05, max: 0.15 } },
      start: { unit: 'month', source: 'test', distribution: { type: 'triangular', min: -2, mode: 3, max: 40 } },
      half: { unit: 'months', source: 'test', distribution: { type: 'pert', min: 0, mode: 4, max: 9 } },
      event: { unit: 'x', source: 'test', distribution: { type: 'bernoulli', p: 0.3, value: 5000 } },
      level: { unit: 'x', source: 'test', distribution: { type: 'discrete', values: [-1, 0, 2.5], weights: [1, 2, 1] } },
      share: { unit: 'x', source: 'test', distribution: { type: 'beta', alpha: 2, beta: 5 } },
    },
    variables: {
      shaped: 'ramp(3, 15) * a + step(6) * b + between(4, 9) * c',
      grown: 'grow(rate) * c + grow(month / 100) * b',
      powers: 'a mod 7 + (b + 1) ^ 2 + pow(c, 0.5) + pow(b, 3) + (-2) ^ level',
      transcendental: 'exp(-b) + log(c) + log(c, 10) + log10(c + 1) + sqrt(abs(a))',
      rounding: 'floor(a) + ceil(b) + round(a * 3.5) + round(-2.5) + clamp(a, -1, 1)',
      extremes: 'min(a, b, c) + max(a, b) + max(level, 0)',
      logic: 'if(month > 12 and a > 0, 1, 0) + (month >= 6 or b < 0.5) + (a > 0 xor b > 0.5) + not(a > 0) + (month == 12) * 3 + (month != 1) * 2',
      // A number as a test: NaN (the log of a negative draw) and 0 are false, anything else true.
      truthiness: 'if(log(a), 1, 2) + (log(a) and 1) + (sqrt(a) or 0) * 4 + not(log(a)) * 8 + (a - a ? 16 : 0)',
      calendar: '(month < 7 ? year : monthOfYear) + pi * e * adoption + horizonMonths / 30',
      trialOnly: 'a * b - c / (1 + share)',
    },
    adoption: { type: 'logistic', startMonth: 'start', monthsToHalf: 'half', ceiling: 'share + 0.3' },
    benefits: [
      { id: 'main', label: 'Main', amount: '1000 * (shaped + grown + powers)', realization: 'share', fromMonth: 2 },
      { id: 'other', label: 'Other', amount: '100 * (transcendental + rounding + extremes + logic + calendar)', scaleByAdoption: false, toMonth: 25 },
    ],
    costs: [
      { id: 'setup', label: 'Setup', category: 'integration', kind: 'oneTime', month: 1, amount: 'event + 20000' },
      { id: 'late', label: 'Late', category: 'data', kind: 'oneTime', month: 17, amount: 'trialOnly * 100 + truthiness' },
      { id: 'run', label: 'Run', category: 'infrastructure', kind: 'monthly', amount: '300 + 50 * logic', fromMonth: 3 },
      { id: 'unit', label: 'Per unit', category: 'monitoring', kind: 'perUnit', volume: '100 * adoption', unitCost: 'c / 10', toMonth: 20 },
    ],
    pilot: {
      durationMonths: 4,
      scopeShare: 'share / 4',
      adoption: 0.7,
      countsRealization: true,
      costs: [{ label: 'Pilot', category: 'integration', amount: '5000 + event' }],
    },
    metrics: [
      { id: 'ratio', label: 'Ratio', unit: 'x', formula: 'npv / max(pvCosts, 1) + roi * 0 + totalBenefits / (totalCosts + 1)' },
      { id: 'flags', label: 'Flags', unit: 'x', formula: '(pvBenefits > pvCosts) + if(npv > 0, 2, 3) + round(a)' },
    ],
  });
}

/** A random formula over the case's inputs and time, from the whitelisted syntax. */
function randomFormula(random: () => number, depth: number, monthly: boolean): string {
  const leaves = ['a', 'b', 'c', '2', '0.5', '-3', ...(monthly ? ['month', 'year', 'monthOfYear', 'adoption'] : [])];
  if (depth === 0 || random() < 0.25) return leaves[Math.floor(random() * leaves.length)];
  const x = (): string => randomFormula(random, depth - 1, monthly);
  const forms: (() => string)[] = [
    () => `(${x()} + ${x()})`,
    () => `(${x()} - ${x()})`,
    () => `(${x()} * ${x()})`,
    () => `(${x()} / (1 + abs(${x()})))`,
    () => `(${x()} > ${x()} ? ${x()} : ${x()})`,
    () => `if(${x()} <= ${x()}, ${x()}, ${x()})`,
    () => `min(${x()}, ${x()})`,
    () => `max(${x()}, ${x()}, ${x()})`,
    () => `(${x()} mod 3)`,
    () => `exp(-abs(${x()}))`,
    () => `log(1 + abs(${x()}))`,
    () => `sqrt(abs(${x()}))`,
    () => `round(${x()})`,
    () => `floor(${x()})`,
    () => `((${x()} == ${x()}) + (${x()} != 0))`,
    () => `(1 + abs(${x()}) / 10) ^ 1.5`,
    ...(monthly ? [() => `ramp(2, 11) * ${x()}`, () => `step(5) * ${x()}`, () => `between(3, 8) * ${x()}`, () => `grow(0.05) * ${x()}`] : []),
  ];
  return forms[Math.floor(random() * forms.length)]();
}

describe('the WebAssembly kernel gives the JavaScript kernel’s bits', () => {
  for (const path of [
    'fixtures/contact-center-assistant.json',
    'fixtures/finance-cost-anomaly.json',
    'fixtures/document-processing.json',
    'test/bench/reference-model.json',
  ]) {
    it(`${path}: every output, the fan and the accumulators (Latin Hypercube and Monte Carlo)`, () => {
      const model = fixture(path);
      expectSameRun(model, { seed: 11, sampling: 'lhs', keepLineTotals: true });
      expectSameRun(model, { seed: 12, sampling: 'mc' });
    });
  }

  it('the year-loop form of a 240-month case with 40 one-time costs', () => {
    const json = JSON.parse(readFileSync('fixtures/contact-center-assistant.json', 'utf8'));
    json.horizonMonths = 240;
    for (let k = 0; k < 40; k++)
      json.costs.push({ id: `extra${k}`, label: `One-time ${k}`, category: 'other', kind: 'oneTime', month: 2 + ((k * 7) % 230), amount: 1000 + k });
    const { model } = parseCase(json);
    expect(model.kernelSource).toContain('netSteps');
    expectSameRun(model, { seed: 3, keepLineTotals: true });
  });

  it('a case using every formula function, operator and time name', () => {
    const { model } = parseCase(everyFormulaCase());
    expectSameRun(model, { seed: 5, keepLineTotals: true });
    expectSameRun(model, { seed: 6, sampling: 'mc' }, false);
  });

  it('60 cases of random formulas', () => {
    const random = mulberry32(99);
    for (let k = 0; k < 60; k++) {
      const bc = everyFormulaCase();
      bc.variables = { shaped: randomFormula(random, 4, true) };
      bc.benefits = [{ id: 'random', label: 'Random', amount: `1000 * ${randomFormula(random, 4, true)} + shaped`, fromMonth: 1 + Math.floor(random() * 5) }];
      bc.costs = [
        { id: 'random', label: 'Random', category: 'other', kind: 'monthly', amount: randomFormula(random, 3, true), toMonth: 10 + Math.floor(random() * 20) },
      ];
      bc.metrics = [{ id: 'random', label: 'Random', unit: 'x', formula: randomFormula(random, 4, false) }];
      const { model } = parseCase(bc);
      expectSameRun(model, { seed: k, trials: 1500, keepLineTotals: true });
    }
  });

  it('shares one instance between models with the same kernel (an edited input range), with each model’s own bits', () => {
    const json = JSON.parse(readFileSync('fixtures/contact-center-assistant.json', 'utf8'));
    const first = parseCase(json).model;
    const name = Object.keys(json.inputs).find((input) => json.inputs[input].distribution.type === 'lognormal')!;
    json.inputs[name].distribution.p95 *= 1.5;
    const edited = parseCase(json).model;
    expect(edited.kernelSource).toBe(first.kernelSource);
    expect(instantiate(edited).inputColumns).toBe(instantiate(first).inputColumns);
    // Alternating runs of the two models reuse the instance and its tables; each stays the JavaScript kernel's bits.
    for (const model of [first, edited, first]) expectSameRun(model, { seed: 21, trials: 4096 + 17 });
  });

  it('runs as WebAssembly, and as JavaScript where the translation does not cover the source', () => {
    const model = fixture('fixtures/document-processing.json');
    expect(instantiate(model).backend).toBe('wasm');
    // A kernel source outside the subset (a hand edit): the JavaScript kernel runs it instead.
    const edited = { ...model, kernelSource: model.kernelSource.replace('"use strict";', '"use strict";\nlet spare = 0; while (spare > 1) spare--;') };
    expect(instantiate(edited).backend).toBe('js');
  });
});
