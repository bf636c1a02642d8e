import type { BusinessCase } from '../case/case-schema.ts';
import type { CompiledModel } from '../formula/compile-case.ts';
import { simulate, type SimulateOptions } from '../engine/simulate.ts';
import type { SimulationEnv } from '../engine/simulation-env.ts';
import { summarizeRun } from '../engine/summarize-run.ts';
import { evaluateGate, type GateResult } from '../gate/evaluate-gate.ts';
import type { DecisionRules } from '../gate/decision-rules.ts';
import { tornadoAnalysis } from './tornado-analysis.ts';
import { measurementCosts, valueOfInformation } from './value-of-information.ts';

/**
 * The whole gate evaluation of a case: simulate (keeping inputs), summarise, value of
 * information, NPV tornado, then the decision rules. `today` is injected (YYYY-MM-DD).
 *
 * @example
 * gateAnalysis(bc, model, { trials: 20_000, seed: 1 }, '2026-11-24').recommendation
 */
export function gateAnalysis(
  bc: BusinessCase,
  model: CompiledModel,
  settings: Partial<SimulationEnv>,
  today: string,
  options: SimulateOptions & { rules?: Partial<DecisionRules> } = {},
): GateResult {
  const sample = simulate(model, { ...settings, keepInputs: true }, options);
  const summary = summarizeRun(model, sample);
  return evaluateGate({
    case: bc,
    summary,
    discountedPayback: sample.outputs.discountedPaybackMonth,
    voi: valueOfInformation(model, measurementCosts(bc), sample),
    tornado: tornadoAnalysis(model),
    rules: options.rules,
    today,
  });
}
