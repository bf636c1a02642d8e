import type { CaseInput } from '../../models/case/case-schema.ts';
import { parseCase } from '../../models/compile/validate-case.ts';
import { READINESS_GATES } from '../../models/case/readiness.ts';
import type { LabelledSummary, RunSummary } from '../../models/engine/summarize-run.ts';
import type { GateInputs } from '../../models/gate/evaluate-gate.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

/** Every readiness gate with one item, met. */
export const ALL_GATES_MET = Object.fromEntries(
  READINESS_GATES.map((gate) => [gate, [{ item: `${gate} done`, status: 'met' as const }]]),
) as CaseInput['readiness'];

/** A scaling plan with all four parts complete (issue 19): it adds no readiness item. */
export const COMPLETE_SCALING_PLAN = {
  integration: {
    systems: [{ name: 'CRM', change: 'draft panel in the agent desktop' }],
    milestones: [{ label: 'CRM panel live', owner: 'IT delivery lead', due: '2026-04-30' }],
  },
  adoption: {
    training: 'Two-hour session per team before go-live',
    champions: 'One champion per team of 12',
    managersRole: 'Team leads review usage weekly',
    timeline: [{ label: 'Half of the ceiling', month: 4, reach: 0.5 }],
  },
  accountability: {
    measures: [{ who: 'WFM lead', what: 'Average handle time', when: 'monthly' }],
    canStop: 'The COO',
  },
  valueMeasurement: { attribution: 'Teams not yet live are the control group', reporting: 'Monthly to the steering committee' },
} satisfies CaseInput['scalingPlan'];

/** A case that passes the prerequisites and every readiness gate, unless overridden. */
export function readyCaseInput(overrides: Partial<CaseInput> = {}): CaseInput {
  return minimalCase({
    baseline: { metrics: [{ id: 'handleTime', label: 'Average handle time', value: 9.5, unit: 'min', source: 'CRM, Q1' }] },
    valueHypothesis: { statement: 'Handle time falls by 20%', expectedChanges: [{ metric: 'handleTime', expected: 7.6 }] },
    measurementPlan: { metric: 'Average handle time', method: 'A/B by team', when: 'monthly from go-live' },
    decisionCriteria: { setOn: '2026-01-10', scale: 'P(NPV>0) ≥ 80%', stop: 'P(NPV>0) < 30%', firstResultsOn: '2026-03-01' },
    readiness: ALL_GATES_MET,
    scalingPlan: COMPLETE_SCALING_PLAN,
    ...overrides,
  });
}

/** An output summary with the given figures; the rest are neutral. */
export function labelled(id: string, figures: { mean: number; p?: number; pSe?: number }): LabelledSummary {
  return {
    id,
    label: id,
    unit: 'currency',
    finiteCount: 0,
    positiveInfiniteCount: 0,
    negativeInfiniteCount: 0,
    undefinedCount: 0,
    mean: figures.mean,
    standardError: 0,
    sd: 0,
    percentiles: { p5: figures.mean, p10: figures.mean, p50: figures.mean, p90: figures.mean, p95: figures.mean },
    percentileStandardErrors: { p5: 0, p10: 0, p50: 0, p90: 0, p95: 0 },
    probabilityPositive: { value: figures.p ?? 1, standardError: figures.pSe ?? 0 },
    histogram: { edges: [], counts: [] },
    cdf: [],
  };
}

/** A RunSummary-shaped object with just what the gate reads set by hand. */
export function syntheticSummary(figures: {
  trials: number;
  p: number;
  pSe: number;
  meanNpv: number;
  meanPvCosts: number;
  missing?: RunSummary['missingCostCategories'];
}): RunSummary {
  return {
    trials: figures.trials,
    seed: 1,
    sampling: 'lhs',
    engineVersion: 'test',
    horizonMonths: 36,
    discountRateAnnual: 0.1,
    outputs: {
      npv: labelled('npv', { mean: figures.meanNpv, p: figures.p, pSe: figures.pSe }),
      pvCosts: labelled('pvCosts', { mean: figures.meanPvCosts }),
    },
    costByCategory: [],
    benefitByLine: [],
    missingCostCategories: figures.missing ?? [],
    cashFlowFan: { basedOnTrials: 0, p10: [], p50: [], p90: [] },
    pilotVsProduction: null,
    achievedCorrelation: null,
  };
}

/** Options of `gateInputs`: the figures of the scenario, each with a passing default. */
export interface Scenario {
  caseInput?: CaseInput;
  trials?: number;
  p?: number;
  pSe?: number;
  meanNpv?: number;
  meanPvCosts?: number;
  /** Every trial's discounted payback month (default: all 12). */
  payback?: Float64Array;
  evpi?: number;
  evpiSe?: number;
  ranking?: GateInputs['voi']['ranking'];
  tornado?: GateInputs['tornado'];
  rules?: GateInputs['rules'];
  missing?: RunSummary['missingCostCategories'];
}

/**
 * Gate inputs for a scenario: 10,000 trials, P(NPV > 0) 0.9 ± 0.003, E[NPV] €50,000,
 * E[PV costs] €100,000, payback 12 months in every trial, EVPI €1,000 ± 50, every gate met.
 */
export function gateInputs(scenario: Scenario = {}): GateInputs {
  const trials = scenario.trials ?? scenario.payback?.length ?? 10_000;
  return {
    case: parseCase(scenario.caseInput ?? readyCaseInput()).case,
    summary: syntheticSummary({
      trials,
      p: scenario.p ?? 0.9,
      pSe: scenario.pSe ?? 0.003,
      meanNpv: scenario.meanNpv ?? 50_000,
      meanPvCosts: scenario.meanPvCosts ?? 100_000,
      missing: scenario.missing,
    }),
    discountedPayback: scenario.payback ?? new Float64Array(trials).fill(12),
    voi: { evpi: { value: scenario.evpi ?? 1000, standardError: scenario.evpiSe ?? 50 }, ranking: scenario.ranking ?? [] },
    tornado: scenario.tornado ?? { baselineOutput: 50_000, bars: [] },
    rules: scenario.rules,
    today: '2026-05-01',
  };
}

/** 1, 2, …, n. */
export function oneTo(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => i + 1);
}
