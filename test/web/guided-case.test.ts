import { describe, expect, it } from 'vitest';
import { validateCase } from '../../models/compile/validate-case.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { summarizeRun } from '../../models/engine/summarize-run.ts';
import { hiddenCostFlags, noCostAnswers } from '../../models/gate/hidden-costs.ts';
import { hiddenCostCategories } from '../../web/src/editor/costs-section.tsx';
import { GUIDED_COST_CATEGORIES, initialAnswers, nextMonthStart, restoreAnswers } from '../../web/src/lib/guided-answers.ts';
import { guidedCaseDocument, identifierFrom, rangeDistribution } from '../../web/src/lib/guided-case.ts';
import { allGuidedProblems, GUIDED_STEPS, guidedStepProblems } from '../../web/src/lib/guided-steps.ts';
import { invoiceCopilotAnswers } from './guided-answers-fixture.ts';

describe('guided start: answers → case document', () => {
  it('builds the known document from the invoice-matching answers', () => {
    const document = guidedCaseDocument(invoiceCopilotAnswers());
    expect(document).toEqual({
      formatVersion: 1,
      name: 'Invoice-matching copilot',
      description: 'Suggests the purchase order and goods receipt for each supplier invoice.\n\nProcess it changes: Accounts-payable three-way matching',
      ownership: { businessOwner: 'Head of Accounts Payable', sponsor: 'CFO' },
      currency: 'EUR',
      startDate: '2027-01-01',
      horizonMonths: 36,
      discountRateAnnual: 0.08,
      inputs: {
        invoicesMatchedVolume: {
          label: 'Invoices matched: volume',
          unit: 'invoices/month',
          source: 'ERP, last 12 months',
          distribution: { type: 'lognormal', p5: 8000, p95: 12000 },
        },
        invoicesMatchedHoursPerUnit: {
          label: 'Invoices matched: hours saved per unit',
          unit: 'hours/unit',
          source: 'Pilot time study; finance rate card',
          distribution: { type: 'lognormal', p5: 0.05, p95: 0.08 },
        },
        invoicesMatchedCostPerHour: {
          label: 'Invoices matched: cost per hour',
          unit: 'EUR/hour',
          source: 'Pilot time study; finance rate card',
          distribution: { type: 'fixed', value: 45 },
        },
      },
      adoption: { type: 'logistic', startMonth: 3, monthsToHalf: 6, ceiling: 0.7 },
      benefits: [
        {
          id: 'invoicesMatched',
          label: 'Invoices matched',
          amount: 'invoicesMatchedVolume * invoicesMatchedHoursPerUnit * invoicesMatchedCostPerHour',
          realization: 0.8,
          scaleByAdoption: true,
        },
      ],
      costs: [
        { id: 'integrationOneTime', label: 'Integration: one-time', category: 'integration', kind: 'oneTime', month: 1, amount: 60000 },
        { id: 'infrastructureMonthly', label: 'Infrastructure & inference: monthly', category: 'infrastructure', kind: 'monthly', amount: 1500 },
        { id: 'trainingOneTime', label: 'Training & change management: one-time', category: 'training', kind: 'oneTime', month: 3, amount: 8000 },
        { id: 'monitoringOneTime', label: 'Monitoring & evaluation: one-time', category: 'monitoring', kind: 'oneTime', month: 2, amount: 5000 },
        { id: 'monitoringMonthly', label: 'Monitoring & evaluation: monthly', category: 'monitoring', kind: 'monthly', amount: 500 },
      ],
      noCostReasons: {
        data: 'Uses the ERP master data as it is',
        security: 'Runs inside the ERP tenant under its controls',
        maintenance: 'Included in the vendor subscription',
        governance: 'Internal tool; existing AI policy review only',
        management: 'Within the AP lead’s existing role',
      },
      pilot: {
        durationMonths: 2,
        scopeShare: 0.1,
        costs: [{ label: 'Pilot cost', category: 'infrastructure', amount: 15000 }],
        reportedRoi: 2.5,
        note: 'Two AP clerks, one supplier segment',
      },
      baseline: {
        description: 'Accounts-payable three-way matching',
        metrics: [{ id: 'minutesPerInvoice', label: 'Minutes per invoice', value: 6, unit: 'minutes', source: 'AP time study, Oct 2026' }],
      },
      valueHypothesis: {
        statement: 'Matching time falls from 6 to 2 minutes per invoice',
        expectedChanges: [{ metric: 'minutesPerInvoice', expected: 2 }],
      },
    });
  });

  it('gives a document validateCase accepts, that simulates, with every taxonomy category answered', () => {
    const answers = invoiceCopilotAnswers();
    expect(allGuidedProblems(answers)).toEqual([]);
    const checked = validateCase(guidedCaseDocument(answers));
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    const result = simulate(checked.model, { trials: 2000, seed: 3 });
    const summary = summarizeRun(checked.model, result);
    expect(summary.trials).toBe(2000);
    expect(Number.isFinite(summary.outputs.npv.mean)).toBe(true);
    // Month 1: the integration cost alone (adoption starts in month 3), so it is −60,000 in every trial.
    expect(summary.costByCategory.find((row) => row.category === 'integration')?.meanTotal).toBe(60000);
    // Every category the guided start asks is priced or answered "none": nothing is flagged as hidden.
    expect(hiddenCostFlags(summary.missingCostCategories, checked.case.noCostReasons)).toEqual([]);
    expect(noCostAnswers(summary.missingCostCategories, checked.case.noCostReasons).map((row) => row.category)).toEqual([
      'data',
      'security',
      'maintenance',
      'governance',
      'management',
    ]);
    const answered = new Set([...checked.case.costs.map((line) => line.category), ...Object.keys(checked.case.noCostReasons ?? {})]);
    for (const category of GUIDED_COST_CATEGORIES) expect(answered.has(category), category).toBe(true);
  });

  it('values a unit in money, omits a pilot that did not happen, and keeps names unique and legal', () => {
    const answers = invoiceCopilotAnswers();
    answers.hadPilot = false;
    answers.metrics.push({ label: 'Invoices matched', value: 0.4, unit: 'share', source: 'ERP' });
    answers.drivers.push({ ...answers.drivers[0], label: '2nd-line errors avoided', valueKind: 'money', valuePerUnit: { low: 0, high: 30 } });
    const document = guidedCaseDocument(answers);
    expect(document.pilot).toBeUndefined();
    // The metric took "invoicesMatched" first, so the driver of the same label gets the next free name.
    expect(document.baseline?.metrics.map((metric) => metric.id)).toEqual(['minutesPerInvoice', 'invoicesMatched']);
    expect(document.benefits.map((line) => line.id)).toEqual(['invoicesMatched2', 'value22ndLineErrorsAvoided']);
    expect(document.benefits[1].amount).toBe('value22ndLineErrorsAvoidedVolume * value22ndLineErrorsAvoidedValuePerUnit');
    expect(document.inputs.value22ndLineErrorsAvoidedValuePerUnit.distribution).toEqual({ type: 'normal', p5: 0, p95: 30, truncate: { min: 0 } });
    expect(validateCase(document).ok).toBe(true);
  });

  it('derives names and ranges by known rules', () => {
    expect(identifierFrom('Invoices matched / month', 'driver')).toBe('invoicesMatchedMonth');
    expect(identifierFrom('42', 'metric')).toBe('metric42');
    expect(identifierFrom('', 'metric1')).toBe('metric1');
    expect(rangeDistribution({ low: 5, high: 10 })).toEqual({ type: 'lognormal', p5: 5, p95: 10 });
    expect(rangeDistribution({ low: 4, high: 4 })).toEqual({ type: 'fixed', value: 4 });
    expect(nextMonthStart('2026-12-07')).toBe('2027-01-01');
    expect(nextMonthStart('2027-03-31')).toBe('2027-04-01');
  });
});

describe('guided start: each step checks its fields in words', () => {
  it('names the blank required fields of the first step by label', () => {
    expect(guidedStepProblems(GUIDED_STEPS[0], initialAnswers('2026-12-07'))).toEqual([
      'Use case name is required: e.g. "Invoice-matching copilot".',
      'Process it changes is required: e.g. "Accounts-payable matching of supplier invoices to purchase orders".',
    ]);
  });

  it('refuses a blank cost category and a "none" without a reason', () => {
    const answers = invoiceCopilotAnswers();
    const dataStep = GUIDED_STEPS.find((step) => step.id === 'cost' && step.category === 'data')!;
    answers.costs.data = { answer: '', reason: '' };
    expect(guidedStepProblems(dataStep, answers)).toEqual([
      'Data (preparation, quality, ownership): answer with a cost, or "none" with a reason; it cannot be left blank.',
    ]);
    answers.costs.data = { answer: 'none', reason: '  ' };
    expect(guidedStepProblems(dataStep, answers)).toEqual([
      'Data (preparation, quality, ownership): Why none is required: e.g. "covered by the existing licence".',
    ]);
    answers.costs.data = { answer: 'cost', reason: '' };
    expect(guidedStepProblems(dataStep, answers)[0]).toBe(
      'Data (preparation, quality, ownership): enter a one-time amount or a monthly amount (or answer "none").',
    );
  });

  it('asks for both ends of a range and refuses a reversed one', () => {
    const answers = invoiceCopilotAnswers();
    const volumes = GUIDED_STEPS.find((step) => step.id === 'volumes')!;
    answers.drivers[0].volume = { low: 12000 };
    expect(guidedStepProblems(volumes, answers)).toEqual(['Eligible volume per month: enter both ends of the range (low and high; equal if known).']);
    answers.drivers[0].volume = { low: 12000, high: 8000 };
    expect(guidedStepProblems(volumes, answers)).toEqual(['Eligible volume per month: the low end is above the high end; swap them.']);
  });

  it('walks the whole taxonomy but the catch-all, one screen per category, before adoption and the review', () => {
    expect(GUIDED_STEPS.map((step) => (step.id === 'cost' ? step.category : step.id))).toEqual([
      'useCase',
      'owners',
      'intake',
      'economics',
      'baseline',
      'hypothesis',
      'volumes',
      'pilot',
      'integration',
      'data',
      'security',
      'infrastructure',
      'training',
      'monitoring',
      'maintenance',
      'governance',
      'management',
      'adoption',
      'review',
    ]);
  });
});

describe('the editor’s hidden-costs notice reads the "none" answers', () => {
  it('does not list a category answered "none" with a reason', () => {
    const document = guidedCaseDocument(invoiceCopilotAnswers());
    expect(hiddenCostCategories(document.costs)).toEqual(['data', 'security', 'maintenance', 'governance', 'management']);
    expect(hiddenCostCategories(document.costs, document.noCostReasons)).toEqual([]);
  });
});

describe('answers kept in the tab', () => {
  it('restores saved answers over fresh defaults, and ignores what is not answers', () => {
    const restored = restoreAnswers(JSON.stringify({ name: 'Invoice copilot', costs: { data: { answer: 'none', reason: 'x' } } }), '2026-12-07');
    expect(restored?.name).toBe('Invoice copilot');
    expect(restored?.horizonMonths).toBe(36);
    expect(restored?.costs.data).toEqual({ answer: 'none', reason: 'x' });
    expect(restored?.costs.security).toEqual({ answer: '', reason: '', oneTimeMonth: 1 });
    expect(restoreAnswers(JSON.stringify(invoiceCopilotAnswers()), '2026-12-07')).toEqual(invoiceCopilotAnswers());
    expect(restoreAnswers(null, '2026-12-07')).toBeNull();
    expect(restoreAnswers('not json', '2026-12-07')).toBeNull();
    expect(restoreAnswers('[1]', '2026-12-07')).toBeNull();
  });
});
