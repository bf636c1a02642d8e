import type { BusinessCase } from '../case/case-schema.ts';
import type { CompiledModel } from '../formula/compile-case.ts';
import { simulate, type SimulateOptions } from '../engine/simulate.ts';
import type { SimulationEnv } from '../engine/simulation-env.ts';
import { summarizeRun } from '../engine/summarize-run.ts';
import { evaluateGate, type GateResult } from '../gate/evaluate-gate.ts';
import type { DecisionRules } from '../gate/decision-rules.ts';
import { tornadoAnalysis } from './tornado-analysis.ts';
import { measurementCosts, valueOfInformation, type VoiResult } from './value-of-information.ts';
import type { RepresentativenessFactors } from '../evidence/representativeness-factors.ts';
import type { RiskTier } from '../governance/risk-tiers.ts';

/** Options of `gateAnalysis`: the engine's, portfolio rules, and evidence factors. */
export type GateAnalysisOptions = SimulateOptions & {
  rules?: Partial<DecisionRules>;
  representativenessFactors?: RepresentativenessFactors;
  /** The organisation's risk tiers (default `DEFAULT_RISK_TIERS`). */
  tiers?: readonly RiskTier[];
};

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
  options: GateAnalysisOptions = {},
): GateResult {
  return gateAndVoi(bc, model, settings, today, options).gate;
}

/**
 * `gateAnalysis` with the value of information it rests on (EVPI and every input's EVPPI).
 *
 * @example
 * const { gate, voi } = gateAndVoi(bc, model, { trials: 20_000, seed: 1 }, '2026-11-24');
 */
export function gateAndVoi(
  bc: BusinessCase,
  model: CompiledModel,
  settings: Partial<SimulationEnv>,
  today: string,
  options: GateAnalysisOptions = {},
): { gate: GateResult; voi: VoiResult } {
  const sample = simulate(model, { ...settings, keepInputs: true }, options);
  const summary = summarizeRun(model, sample);
  const voi = valueOfInformation(model, measurementCosts(bc), sample);
  const gate = evaluateGate({
    case: bc,
    summary,
    discountedPayback: sample.outputs.discountedPaybackMonth,
    voi,
    tornado: tornadoAnalysis(model),
    rules: options.rules,
    today,
    representativenessFactors: options.representativenessFactors,
    tiers: options.tiers,
  });
  return { gate, voi };
}
