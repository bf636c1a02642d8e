import { describe, expect, it } from 'vitest';
import { parseCase } from '../../models/compile/validate-case.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { summarizeRun } from '../../models/engine/summarize-run.ts';
import { GATE_ERRORS, evaluateGate, type GateInputs } from '../../models/gate/evaluate-gate.ts';
import type { Criterion } from '../../models/gate/gate-criteria.ts';
import { evpi } from '../../models/voi/evpi.ts';
import { gateInputs, oneTo, readyCaseInput } from './gate-fixtures.ts';

const criterion = (criteria: Criterion[], id: string): Criterion => {
  const found = criteria.find((c) => c.id === id);
  if (!found) throw new Error(`no criterion ${id}`);
  return found;
};

/** The NPV tornado of a case whose baseline NPV is negative. */
const negativeBaselineTornado: GateInputs['tornado'] = {
  baselineOutput: -10_000,
  bars: [
    { input: 'adoption', label: 'Adoption ceiling', lowValue: 0.3, highValue: 0.9, outputAtLow: -35_000, outputAtHigh: 5_000, swing: 40_000 },
    { input: 'volume', label: 'Monthly volume', lowValue: 800, highValue: 1200, outputAtLow: -20_000, outputAtHigh: 0, swing: 20_000 },
    { input: 'unitCost', label: 'Unit cost', lowValue: 0.02, highValue: 0.08, outputAtLow: 1_000, outputAtHigh: -15_000, swing: 16_000 },
    { input: 'setup', label: 'Setup cost', lowValue: 15_000, highValue: 30_000, outputAtLow: 500, outputAtHigh: -3_000, swing: 3_500 },
    { input: 'extra', label: 'Extra', lowValue: 1, highValue: 2, outputAtLow: -10_000, outputAtHigh: 100, swing: 10_100 - 10_000 },
  ],
};

/** The NPV tornado of a case whose baseline NPV is positive. */
const positiveBaselineTornado: GateInputs['tornado'] = {
  baselineOutput: 50_000,
  bars: [
    { input: 'adoption', label: 'Adoption ceiling', lowValue: 0.3, highValue: 0.9, outputAtLow: -10_000, outputAtHigh: 90_000, swing: 100_000 },
    { input: 'price', label: 'Licence price', lowValue: 10, highValue: 30, outputAtLow: 80_000, outputAtHigh: 20_000, swing: 60_000 },
    { input: 'volume', label: 'Monthly volume', lowValue: 800, highValue: 1200, outputAtLow: 40_000, outputAtHigh: 60_000, swing: 20_000 },
    { input: 'minor', label: 'Minor', lowValue: 1, highValue: 2, outputAtLow: 49_000, outputAtHigh: 51_000, swing: 2_000 },
  ],
};

const ranking: GateInputs['voi']['ranking'] = [
  { input: 'adoption', label: 'Adoption ceiling', evppi: 4_000, standardError: 100, measurementCost: 1_500, netValue: 2_500 },
  { input: 'handleTime', label: 'Handle time', evppi: 3_000, standardError: 100, measurementCost: null, netValue: null },
  { input: 'unitCost', label: 'Unit cost', evppi: 500, standardError: 100, measurementCost: 1_000, netValue: -500 },
  { input: 'noise', label: 'Noise', evppi: 0, standardError: 10, measurementCost: null, netValue: null },
];

describe('evaluateGate: the four recommendations', () => {
  it('scales when P(NPV > 0) ≥ 80%, median payback ≤ 24 months and all six gates are met', () => {
    const result = evaluateGate(gateInputs());
    expect(result.recommendation).toBe('scale');
    expect(result.headline).toBe(
      'Scale: 90% chance of a positive NPV (expected €50,000), median discounted payback 12 months and all 6 required readiness gates met.',
    );
    expect(result.levers).toEqual([]);
    expect(result.evaluatedOn).toBe('2026-05-01');
    // Every criterion is listed: 2 prerequisites, P, payback, 6 gates, stop P, EVPI.
    expect(result.criteria.map((c) => c.id)).toEqual([
      'businessOwner',
      'quantifiedBaseline',
      'scaleProbabilityPositive',
      'medianDiscountedPayback',
      'readiness.businessOwnership',
      'readiness.productionData',
      'readiness.workflowIntegration',
      'readiness.valueMeasurement',
      'readiness.adoptionChange',
      'readiness.governanceRisk',
      'stopProbabilityPositive',
      'evpiWithinStake',
    ]);
    expect(criterion(result.criteria, 'scaleProbabilityPositive')).toEqual({
      id: 'scaleProbabilityPositive',
      label: 'P(NPV > 0) ≥ 80%',
      group: 'scale',
      met: true,
      figure: 0.9,
      threshold: 0.8,
      comparison: '>=',
      standardError: 0.003,
      tooClose: false,
    });
    // Failed stop criteria are still listed.
    expect(criterion(result.criteria, 'stopProbabilityPositive')).toMatchObject({ met: false, comparison: '<', threshold: 0.3 });
    // EVPI €1,000 against 2% of €100,000.
    expect(criterion(result.criteria, 'evpiWithinStake')).toMatchObject({ met: true, figure: 1000, threshold: 2000, standardError: 50, tooClose: false });
    expect(criterion(result.criteria, 'readiness.productionData')).toMatchObject({ met: true, figure: 1, threshold: 1, note: '1 of 1 items met (met)' });
  });

  it('stops when P(NPV > 0) < 30% and EVPI ≤ 2% of the expected PV of costs', () => {
    const result = evaluateGate(gateInputs({ p: 0.1, meanNpv: -40_000, evpi: 1_000 }));
    expect(result.recommendation).toBe('stop');
    expect(result.headline).toBe(
      'Stop: only 10% chance of a positive NPV (expected -€40,000), and perfect information is worth at most €1,000, ' +
        'within 2% of the €100,000 at stake, so no measurement is likely to change the call.',
    );
  });

  it('redesigns instead of stopping when information could still change the decision, naming levers and measurements', () => {
    const result = evaluateGate(gateInputs({ p: 0.1, meanNpv: -40_000, evpi: 5_000, tornado: negativeBaselineTornado, ranking }));
    expect(result.recommendation).toBe('redesign');
    expect(criterion(result.criteria, 'evpiWithinStake')).toMatchObject({ met: false, figure: 5000, threshold: 2000 });
    // Baseline NPV −€10,000: only drivers whose favourable end alone makes NPV > 0, top 3 by swing.
    expect(result.levers.map((lever) => [lever.input, lever.favourableEnd, lever.favourableValue, lever.npvAtFavourableEnd])).toEqual([
      ['adoption', 'high', 0.9, 5_000],
      ['unitCost', 'low', 0.02, 1_000],
      ['setup', 'low', 15_000, 500],
    ]);
    expect(result.levers[0].sentence).toBe('Adoption ceiling at its high end (0.9) alone lifts NPV from -€10,000 to €5,000');
    // Ranked by EVPPI: adoption (€4,000, net €2,500) above handle time (€3,000, cost unknown); unit cost (net −€500) and noise (0) drop out.
    expect(result.measureNext.map((entry) => entry.sentence)).toEqual([
      'Measuring Adoption ceiling before deciding is worth up to €4,000; it costs €1,500.',
      'Measuring Handle time before deciding is worth up to €3,000; its measurement cost is not estimated.',
    ]);
    expect(result.headline).toBe(
      'Redesign before scaling: 10% chance of a positive NPV against the 80% required; ' +
        'levers: Adoption ceiling, Unit cost and Setup cost; measure Adoption ceiling first (worth up to €4,000).',
    );
  });

  it('names the top three drivers by swing when the baseline NPV is already positive', () => {
    const result = evaluateGate(gateInputs({ p: 0.6, tornado: positiveBaselineTornado }));
    expect(result.recommendation).toBe('redesign');
    expect(result.levers.map((lever) => [lever.input, lever.favourableEnd])).toEqual([
      ['adoption', 'high'],
      ['price', 'low'],
      ['volume', 'high'],
    ]);
    expect(result.levers[1].sentence).toBe(
      'Licence price swings NPV by €60,000 across 10 to 30; securing its low end (10) raises the chance of a positive NPV',
    );
  });

  it('says when no single driver turns a negative NPV positive', () => {
    const tornado = { baselineOutput: -10_000, bars: [negativeBaselineTornado.bars[1]] };
    const result = evaluateGate(gateInputs({ p: 0.5, tornado }));
    expect(result.levers).toEqual([]);
    expect(result.headline).toBe(
      'Redesign before scaling: 50% chance of a positive NPV against the 80% required; no single driver turns the NPV positive on its own.',
    );
  });

  it('keeps a case without a business owner as research, whatever its economics', () => {
    const result = evaluateGate(gateInputs({ caseInput: readyCaseInput({ ownership: { sponsor: 'COO' } }) }));
    expect(result.recommendation).toBe('keepAsResearch');
    expect(result.headline).toBe('Keep as research: no business owner is accountable for the outcome, so the case cannot yet be judged as an investment.');
    expect(criterion(result.criteria, 'businessOwner')).toMatchObject({ met: false, figure: 0, note: 'no business owner named' });
    expect(evaluateGate(gateInputs({ caseInput: readyCaseInput({ ownership: { sponsor: 'COO', businessOwner: '  ' } }) })).recommendation).toBe(
      'keepAsResearch',
    );
  });

  it('keeps a case without a quantified baseline as research', () => {
    const noBaseline = readyCaseInput({ baseline: undefined, ownership: { sponsor: 'COO' } });
    const result = evaluateGate(gateInputs({ caseInput: noBaseline }));
    expect(result.headline).toBe(
      'Keep as research: no business owner is accountable for the outcome and there is no quantified baseline to measure value against, ' +
        'so the case cannot yet be judged as an investment.',
    );
    const emptyBaseline = readyCaseInput({ baseline: { description: 'long calls', metrics: [] }, valueHypothesis: undefined });
    const second = evaluateGate(gateInputs({ caseInput: emptyBaseline }));
    expect(second.recommendation).toBe('keepAsResearch');
    expect(criterion(second.criteria, 'quantifiedBaseline')).toMatchObject({ met: false, figure: 0, threshold: 1 });
  });
});

describe('evaluateGate: too close to call', () => {
  it('flags P = 0.79 ± 0.01 against 0.8 and suggests 40,000 trials', () => {
    const result = evaluateGate(gateInputs({ p: 0.79, pSe: 0.01, tornado: positiveBaselineTornado }));
    expect(result.recommendation).toBe('redesign');
    const p = criterion(result.criteria, 'scaleProbabilityPositive');
    expect(p).toMatchObject({ met: false, figure: 0.79, standardError: 0.01, tooClose: true, suggestedTrials: 40_000 });
    expect(p.note).toBe(
      'P(NPV > 0) = 79% (SE 1%) is within 2 standard errors of its threshold: too close to call at 10,000 trials; about 40,000 trials would settle it',
    );
    expect(criterion(result.criteria, 'stopProbabilityPositive').tooClose).toBe(false);
    expect(result.headline).toBe(
      'Redesign before scaling: 79% chance of a positive NPV against the 80% required; ' +
        'levers: Adoption ceiling, Licence price and Monthly volume; P(NPV > 0) is too close to call at 10,000 trials.',
    );
  });

  it('is not too close once the gap exceeds tooCloseZ standard errors, and honours a custom z', () => {
    expect(criterion(evaluateGate(gateInputs({ p: 0.75, pSe: 0.01 })).criteria, 'scaleProbabilityPositive').tooClose).toBe(false);
    // z = 6: |0.75 − 0.8| = 0.05 < 0.06; n' = 10,000·(0.06/0.05)² = 14,400 → 15,000.
    const strict = criterion(evaluateGate(gateInputs({ p: 0.75, pSe: 0.01, rules: { tooCloseZ: 6 } })).criteria, 'scaleProbabilityPositive');
    expect(strict).toMatchObject({ tooClose: true, suggestedTrials: 15_000 });
  });

  it('flags EVPI within 2 standard errors of its share of the stake', () => {
    // Threshold 2% × €100,000 = €2,000; |1,900 − 2,000| = 100 < 2 × 100; n' = 10,000·(200/100)² = 40,000.
    const result = evaluateGate(gateInputs({ p: 0.1, meanNpv: -40_000, evpi: 1_900, evpiSe: 100 }));
    expect(result.recommendation).toBe('stop');
    expect(criterion(result.criteria, 'evpiWithinStake')).toMatchObject({ met: true, tooClose: true, suggestedTrials: 40_000 });
    expect(result.headline).toMatch(/; EVPI is too close to call at 10,000 trials\.$/);
  });
});

describe('evaluateGate: median discounted payback with its order-statistic interval', () => {
  it('reports the median and its 95% interval: payback 1..100 has median 50.5 in [40, 60]', () => {
    const result = evaluateGate(gateInputs({ payback: oneTo(100) }));
    expect(criterion(result.criteria, 'medianDiscountedPayback')).toEqual({
      id: 'medianDiscountedPayback',
      label: 'Median discounted payback ≤ 24 months',
      group: 'scale',
      met: false,
      figure: 50.5,
      threshold: 24,
      comparison: '<=',
      standardError: null,
      interval: [40, 60],
      tooClose: false,
    });
    expect(result.recommendation).toBe('redesign');
    expect(result.headline).toBe('Redesign before scaling: median discounted payback 50.5 months against at most 24 months.');
  });

  it('is too close when the threshold lies inside the interval, on the met side', () => {
    // Median 50.5 ≤ 55 but the interval reaches 60: n' = 100·((60 − 50.5)/(55 − 50.5))² = 445.7 → 450.
    const result = evaluateGate(gateInputs({ payback: oneTo(100), rules: { scaleMaxMedianDiscountedPaybackMonths: 55 } }));
    const payback = criterion(result.criteria, 'medianDiscountedPayback');
    expect(payback).toMatchObject({ met: true, tooClose: true, suggestedTrials: 450, interval: [40, 60] });
    expect(payback.note).toBe(
      'the 95% interval of the median discounted payback (40 months to 60 months) contains the 55 months threshold: ' +
        'too close to call at 100 trials; about 450 trials would settle it',
    );
    expect(result.recommendation).toBe('scale');
    expect(result.headline).toBe(
      'Scale: 90% chance of a positive NPV (expected €50,000), median discounted payback 50.5 months and all 6 required readiness gates met; ' +
        'the median payback is too close to call at 100 trials.',
    );
  });

  it('is too close on the failing side too', () => {
    // Median 50.5 > 50, interval from 40: n' = 100·((50.5 − 40)/0.5)² = 44,100 → 45,000.
    const payback = criterion(
      evaluateGate(gateInputs({ payback: oneTo(100), rules: { scaleMaxMedianDiscountedPaybackMonths: 50 } })).criteria,
      'medianDiscountedPayback',
    );
    expect(payback).toMatchObject({ met: false, tooClose: true, suggestedTrials: 45_000 });
  });

  it('is not too close when the threshold equals the upper bound: the median is within it', () => {
    const payback = criterion(
      evaluateGate(gateInputs({ payback: oneTo(100), rules: { scaleMaxMedianDiscountedPaybackMonths: 60 } })).criteria,
      'medianDiscountedPayback',
    );
    expect(payback).toMatchObject({ met: true, tooClose: false });
  });

  it('treats +Infinity as beyond the horizon', () => {
    const payback = new Float64Array(100).fill(Infinity);
    payback.set(oneTo(40));
    const result = evaluateGate(gateInputs({ payback }));
    expect(criterion(result.criteria, 'medianDiscountedPayback')).toMatchObject({
      met: false,
      figure: Infinity,
      // Sorted: 1..40 then 60 × ∞; rank 40 is the last finite value, rank 60 is ∞.
      interval: [40, Infinity],
      tooClose: false,
      note: 'more than half of the trials do not pay back within the horizon',
    });
    expect(result.headline).toBe('Redesign before scaling: median discounted payback beyond the horizon against at most 24 months.');
  });

  it('explains an infinite median whose interval still reaches below the threshold', () => {
    // 1..45 then 55 × ∞: median ∞, interval from rank 40 (= 40) to rank 60 (= ∞); 42 lies inside.
    const payback = new Float64Array(100).fill(Infinity);
    payback.set(oneTo(45));
    const result = evaluateGate(gateInputs({ payback, rules: { scaleMaxMedianDiscountedPaybackMonths: 42 } }));
    const criterionFound = criterion(result.criteria, 'medianDiscountedPayback');
    expect(criterionFound).toMatchObject({ met: false, tooClose: true, interval: [40, Infinity] });
    expect(criterionFound.suggestedTrials).toBeUndefined();
    expect(criterionFound.note).toBe(
      'more than half of the trials do not pay back within the horizon; the 95% interval of the median discounted payback ' +
        '(40 months to beyond the horizon) contains the 42 months threshold: too close to call at 100 trials; more trials narrow the interval',
    );
  });
});

describe('evaluateGate: readiness and rule overrides', () => {
  const partlyReady = readyCaseInput({
    readiness: {
      ...readyCaseInput().readiness,
      productionData: [
        { item: 'Data contract signed', status: 'met' },
        { item: 'Quality SLA', status: 'partly', owner: 'Data lead' },
      ],
    },
  });

  it('redesigns when a required gate is only partly met', () => {
    const result = evaluateGate(gateInputs({ caseInput: partlyReady }));
    expect(result.recommendation).toBe('redesign');
    expect(result.readiness[1]).toMatchObject({ gate: 'productionData', status: 'partly', met: 1, total: 2 });
    expect(criterion(result.criteria, 'readiness.productionData')).toMatchObject({
      label: 'Production data gate met',
      met: false,
      figure: 0.5,
      threshold: 1,
      note: '1 of 2 items met (partly)',
    });
    expect(result.headline).toBe('Redesign before scaling: readiness gate not met: Production data.');
  });

  it('scales once the required level is lowered to partly', () => {
    const result = evaluateGate(gateInputs({ caseInput: partlyReady, rules: { requiredGateLevel: 'partly' } }));
    expect(result.recommendation).toBe('scale');
    // Both items at least partly met: 2/2 against at least one of two.
    expect(criterion(result.criteria, 'readiness.productionData')).toMatchObject({ met: true, figure: 1, threshold: 0.5 });
    expect(result.headline).toMatch(/and all 6 required readiness gates at least partly met\.$/);
  });

  it('scales when only the listed gates are required', () => {
    const result = evaluateGate(gateInputs({ caseInput: partlyReady, rules: { requiredGates: ['businessOwnership'] } }));
    expect(result.recommendation).toBe('scale');
    expect(result.criteria.filter((c) => c.id.startsWith('readiness.')).map((c) => c.id)).toEqual(['readiness.businessOwnership']);
    expect(result.headline).toMatch(/and the required readiness gate met\.$/);
  });

  it('counts the gates when more than three fail', () => {
    // Without checklists, only the value-measurement gate can be met: by its automatic checks on the case.
    const result = evaluateGate(gateInputs({ caseInput: readyCaseInput({ readiness: undefined }) }));
    expect(result.headline).toBe('Redesign before scaling: 5 of 6 required readiness gates not met.');
    expect(criterion(result.criteria, 'readiness.valueMeasurement')).toMatchObject({ met: true, figure: 1 });
    expect(criterion(result.criteria, 'readiness.governanceRisk')).toMatchObject({ met: false, figure: 0, note: 'no checklist items: gate not started' });
  });

  it('fails the value-measurement gate when an automatic check fails, whatever its checklist says', () => {
    const result = evaluateGate(gateInputs({ caseInput: readyCaseInput({ measurementPlan: undefined }) }));
    expect(result.recommendation).toBe('redesign');
    const gate = criterion(result.criteria, 'readiness.valueMeasurement');
    expect(gate.met).toBe(false);
    expect(
      result.readiness
        .find((row) => row.gate === 'valueMeasurement')!
        .items.some((item) => item.item.startsWith('Measurement plan') && item.status === 'notMet'),
    ).toBe(true);
  });

  it('merges overrides over the case’s rules over the defaults', () => {
    const strictCase = readyCaseInput({ decisionRules: { scaleMinProbabilityPositive: 0.95, driftDays: 30 } });
    const fromCase = evaluateGate(gateInputs({ caseInput: strictCase }));
    expect(fromCase.recommendation).toBe('redesign');
    expect(fromCase.rulesUsed).toMatchObject({ scaleMinProbabilityPositive: 0.95, driftDays: 30, tooCloseZ: 2 });
    const overridden = evaluateGate(gateInputs({ caseInput: strictCase, rules: { scaleMinProbabilityPositive: 0.85 } }));
    expect(overridden.recommendation).toBe('scale');
    expect(overridden.rulesUsed).toMatchObject({ scaleMinProbabilityPositive: 0.85, driftDays: 30 });
  });

  it('applies a stricter stop share of the stake', () => {
    // 0.5% of €100,000 = €500 < EVPI €1,000: information could still pay, so redesign.
    const result = evaluateGate(gateInputs({ p: 0.1, meanNpv: -40_000, rules: { stopMaxEvpiShareOfStake: 0.005 } }));
    expect(result.recommendation).toBe('redesign');
    expect(criterion(result.criteria, 'evpiWithinStake')).toMatchObject({ met: false, threshold: 500 });
  });
});

describe('evaluateGate: reported alongside the decision', () => {
  it('flags empty cost categories as likely hidden costs, except the catch-all', () => {
    const result = evaluateGate(
      gateInputs({
        missing: [
          { category: 'monitoring', label: 'Monitoring & evaluation' },
          { category: 'other', label: 'Other' },
        ],
      }),
    );
    expect(result.missingCostCategories).toEqual([
      { category: 'monitoring', label: 'Monitoring & evaluation', note: 'Monitoring & evaluation: no cost priced in the case; likely a hidden cost' },
    ]);
  });

  it('includes the value-measurement checks, failing criteria set after the first results', () => {
    const late = readyCaseInput({ decisionCriteria: { setOn: '2026-04-01', scale: 's', stop: 't', firstResultsOn: '2026-03-01' } });
    const result = evaluateGate(gateInputs({ caseInput: late }));
    expect(result.valueMeasurement.map((check) => check.passed)).toEqual(['yes', 'yes', 'yes', 'no', 'yes']);
  });

  it('marks a measurement whose EVPPI is within noise', () => {
    const result = evaluateGate(gateInputs({ ranking: [{ input: 'x', label: 'Churn', evppi: 150, standardError: 100, measurementCost: 50, netValue: 100 }] }));
    expect(result.measureNext[0]).toMatchObject({ withinNoise: true });
    expect(result.measureNext[0].sentence).toBe('Measuring Churn before deciding is worth up to €150 (within Monte Carlo noise: SE €100); it costs €50.');
  });

  it('formats money in the case’s currency and locale', () => {
    const result = evaluateGate(gateInputs({ caseInput: readyCaseInput({ currency: 'USD', locale: 'en-US' }), meanNpv: 1_234_567.8 }));
    expect(result.headline).toMatch(/^Scale: 90% chance of a positive NPV \(expected \$1,234,568\)/);
  });

  it('rejects a bad date and a payback column of the wrong length', () => {
    expect(() => evaluateGate({ ...gateInputs(), today: '1 May 2026' })).toThrow(GATE_ERRORS.today);
    expect(() => evaluateGate({ ...gateInputs(), discountedPayback: new Float64Array(5) })).toThrow(GATE_ERRORS.paybackLength);
  });
});

describe('evaluateGate on a real run', () => {
  /** Month in which cumulative discounted net cash flow of the minimal case turns positive, by hand. */
  function handPaybackMonth(benefit: number, setup: number, run: number): number {
    let cumulative = 0;
    for (let m = 1; m <= 36; m++) {
      const net = benefit - run - (m === 1 ? setup : 0);
      cumulative += net * 1.1 ** (-m / 12);
      if (cumulative > 0) return m;
    }
    return Infinity;
  }

  function runGate(caseInput: ReturnType<typeof readyCaseInput>, rules?: GateInputs['rules']) {
    const { case: bc, model } = parseCase(caseInput);
    const result = simulate(model, { trials: 1000, seed: 7, keepInputs: true });
    const summary = summarizeRun(model, result);
    const voi = evpi(result.outputs.npv);
    return evaluateGate({
      case: bc,
      summary,
      discountedPayback: result.outputs.discountedPaybackMonth,
      voi: { evpi: { value: voi.evpi, standardError: voi.evpiStandardError }, ranking: [] },
      tornado: { baselineOutput: summary.outputs.npv.mean, bars: [] },
      rules,
      today: '2026-05-01',
    });
  }

  it('finds the hand-computed payback month and redesigns because it exceeds 24 months', () => {
    // €20,000 setup, then €900 a month net, discounted at 10% a year: positive in month 25.
    const month = handPaybackMonth(1000, 20_000, 100);
    expect(month).toBe(25);
    const gate = runGate(readyCaseInput());
    expect(criterion(gate.criteria, 'medianDiscountedPayback')).toMatchObject({ figure: month, interval: [month, month], met: false });
    // Fixed inputs: every trial is positive, so P = 1 with zero error.
    expect(criterion(gate.criteria, 'scaleProbabilityPositive')).toMatchObject({ figure: 1, standardError: 0, met: true });
    expect(gate.recommendation).toBe('redesign');
    expect(gate.headline).toBe('Redesign before scaling: median discounted payback 25 months against at most 24 months.');
    // The minimal case prices integration and infrastructure only.
    expect(gate.missingCostCategories.map((row) => row.category)).toEqual([
      'data',
      'security',
      'training',
      'monitoring',
      'maintenance',
      'governance',
      'management',
    ]);
    expect(runGate(readyCaseInput(), { scaleMaxMedianDiscountedPaybackMonths: 25 }).recommendation).toBe('scale');
  });

  it('stops a case that never pays: P = 0 and EVPI = 0', () => {
    const losing = readyCaseInput();
    losing.inputs.benefitPerMonth = { unit: 'EUR/month', source: 'test', distribution: { type: 'fixed', value: 100 } };
    const gate = runGate(losing);
    expect(gate.recommendation).toBe('stop');
    expect(criterion(gate.criteria, 'evpiWithinStake')).toMatchObject({ figure: 0, met: true });
    expect(gate.headline).toMatch(/^Stop: only 0% chance of a positive NPV \(expected -€/);
  });
});
