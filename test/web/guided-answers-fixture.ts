import { initialAnswers, type GuidedAnswers } from '../../web/src/lib/guided-answers.ts';

/**
 * The invoice-matching copilot of issue 16, answered as a pilot owner would: one
 * baseline metric, one value driver in time saved, a pilot, four categories with a cost
 * and five answered "none" with a reason.
 */
export function invoiceCopilotAnswers(): GuidedAnswers {
  const answers = initialAnswers('2026-12-07');
  return {
    ...answers,
    name: 'Invoice-matching copilot',
    description: 'Suggests the purchase order and goods receipt for each supplier invoice.',
    process: 'Accounts-payable three-way matching',
    businessOwner: 'Head of Accounts Payable',
    sponsor: 'CFO',
    metrics: [{ label: 'Minutes per invoice', value: 6, unit: 'minutes', source: 'AP time study, Oct 2026' }],
    hypothesis: 'Matching time falls from 6 to 2 minutes per invoice',
    changes: [{ metric: 0, expected: 2 }],
    drivers: [
      {
        ...answers.drivers[0],
        label: 'Invoices matched',
        volume: { low: 8000, high: 12000 },
        volumeUnit: 'invoices/month',
        volumeSource: 'ERP, last 12 months',
        hoursPerUnit: { low: 0.05, high: 0.08 },
        costPerHour: { low: 45, high: 45 },
        valueSource: 'Pilot time study; finance rate card',
      },
    ],
    pilotScope: 'Two AP clerks, one supplier segment',
    pilotScopePercent: 10,
    pilotMonths: 2,
    pilotCost: 15000,
    pilotRoiPercent: 250,
    costs: {
      integration: { answer: 'cost', oneTime: 60000, oneTimeMonth: 1, reason: '' },
      data: { answer: 'none', reason: 'Uses the ERP master data as it is', oneTimeMonth: 1 },
      security: { answer: 'none', reason: 'Runs inside the ERP tenant under its controls', oneTimeMonth: 1 },
      infrastructure: { answer: 'cost', monthly: 1500, oneTimeMonth: 1, reason: '' },
      training: { answer: 'cost', oneTime: 8000, oneTimeMonth: 3, reason: '' },
      monitoring: { answer: 'cost', oneTime: 5000, oneTimeMonth: 2, monthly: 500, reason: '' },
      maintenance: { answer: 'none', reason: 'Included in the vendor subscription', oneTimeMonth: 1 },
      governance: { answer: 'none', reason: 'Internal tool; existing AI policy review only', oneTimeMonth: 1 },
      management: { answer: 'none', reason: 'Within the AP lead’s existing role', oneTimeMonth: 1 },
    },
  };
}
