import type { CompiledModel } from '../formula/compile-case.ts';
import type { SimulationResult } from '../engine/assemble-result.ts';
import { evpi } from '../voi/evpi.ts';
import { evppi } from '../voi/evppi.ts';
import type { BusinessCase } from '../case/case-schema.ts';
import { AnalysisError } from './analysis-error.ts';
import { isConstant } from './is-constant.ts';

export interface VoiRow {
  input: string;
  label: string;
  /** Expected value of perfect information about this input alone (bias-corrected binning estimate). */
  evppi: number;
  standardError: number;
  /** What measuring it would cost, when the case says. */
  measurementCost: number | null;
  /** EVPPI − measurement cost: an upper bound on what measuring first is worth. */
  netValue: number | null;
}

export interface VoiResult {
  trials: number;
  /** The go/no-go decision: go when expected NPV > 0. */
  expectedNpv: number;
  expectedNpvStandardError: number;
  preferred: 'go' | 'stop';
  evpi: { value: number; standardError: number };
  /** Expected opportunity loss of each choice. */
  expectedOpportunityLoss: { go: number; goStandardError: number; stop: number; stopStandardError: number };
  ranking: VoiRow[];
}

/**
 * What measuring each input would cost, as the case states it (undefined where it does not).
 *
 * @example
 * measurementCosts(bc).minutesSavedPerContact // 18000
 */
export function measurementCosts(bc: BusinessCase): Record<string, number | undefined> {
  return Object.fromEntries(Object.entries(bc.inputs).map(([name, input]) => [name, input.measurementCost]));
}

/**
 * Value of information for the go/no-go decision (go when expected NPV > 0), in the
 * way of Hubbard's Applied Information Economics and Analytica's EVPI: EVPI with the
 * expected opportunity loss of each choice, and per-input EVPPI estimated from the
 * existing sample (Strong & Oakley binning, cross-fitted against noise bias), ranked,
 * with the net value of measuring where the case gives a measurement cost.
 *
 * @example
 * valueOfInformation(model, measurementCosts(bc), simulate(model, { trials: 20_000, keepInputs: true })).ranking[0]
 */
export function valueOfInformation(model: CompiledModel, measurementCosts: Record<string, number | undefined>, result: SimulationResult): VoiResult {
  if (!result.inputs) throw new AnalysisError('keepInputs', 'the run did not keep its sampled inputs; simulate with keepInputs: true');
  const npv = result.outputs.npv;
  const overall = evpi(npv);
  const varying = model.inputs.filter((input) => !isConstant(result.inputs![input.name]));
  const perInput = evppi(
    varying.map((input) => result.inputs![input.name]),
    npv,
  );
  const ranking = varying
    .map((input, index) => {
      const estimate = perInput.inputs[index];
      const value = Math.max(0, estimate.biasCorrected);
      const cost = measurementCosts[input.name] ?? null;
      return {
        input: input.name,
        label: input.label ?? input.name,
        evppi: value,
        standardError: estimate.standardError,
        measurementCost: cost,
        netValue: cost === null ? null : value - cost,
      };
    })
    .sort((a, b) => b.evppi - a.evppi);
  return {
    trials: npv.length,
    expectedNpv: overall.expectedNpv,
    expectedNpvStandardError: overall.expectedNpvStandardError,
    preferred: overall.preferred,
    evpi: { value: overall.evpi, standardError: overall.evpiStandardError },
    expectedOpportunityLoss: {
      go: overall.eolGo,
      goStandardError: overall.eolGoStandardError,
      stop: overall.eolStop,
      stopStandardError: overall.eolStopStandardError,
    },
    ranking,
  };
}
