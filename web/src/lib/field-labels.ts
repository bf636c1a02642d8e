import { READINESS_GATE_LABELS } from '../../../models/case/readiness.ts';
import { parsePointer } from './json-pointer.ts';

/** How one place of the case format is named: its label, its fields, and how its items are named. */
interface LabelNode {
  label?: string;
  fields?: Record<string, LabelNode>;
  /** For arrays and records: the word for one item ("Cost") and how its fields are named. */
  item?: { noun: string; node: LabelNode /** Keep the list's own name before the item's (a readiness gate). */; keep?: true };
}

const leaf = (label: string): LabelNode => ({ label });
const months = { fromMonth: leaf('From month'), toMonth: leaf('To month') };

const DISTRIBUTION: LabelNode = {
  label: 'Distribution',
  fields: {
    type: leaf('Type'),
    p5: leaf('Low end (5th percentile)'),
    p95: leaf('High end (95th percentile)'),
    min: leaf('Minimum'),
    mode: leaf('Most likely'),
    max: leaf('Maximum'),
    mean: leaf('Mean'),
    sd: leaf('Standard deviation'),
    value: leaf('Value'),
    p: leaf('Probability'),
    alpha: leaf('Alpha'),
    beta: leaf('Beta'),
    lambda: leaf('Weight of the most likely value'),
    values: leaf('Values'),
    weights: leaf('Weights'),
    truncate: { label: 'Truncation', fields: { min: leaf('Lowest value'), max: leaf('Highest value') } },
  },
};
const EVIDENCE: LabelNode = {
  label: 'Evidence',
  fields: {
    observations: { label: 'Observations', item: { noun: 'Observation', node: {} } },
    summary: { label: 'Summary', fields: { n: leaf('Sample size n'), mean: leaf('Sample mean'), sd: leaf('Sample standard deviation') } },
    proportion: { label: 'Proportion', fields: { successes: leaf('Successes'), trials: leaf('Trials') } },
    representativeness: leaf('Representativeness'),
    takenOn: leaf('Taken on'),
    takenBy: leaf('Taken by'),
    note: leaf('Note'),
  },
};
const INPUT: LabelNode = {
  fields: {
    label: leaf('Label'),
    unit: leaf('Unit'),
    source: leaf('Source'),
    measurementCost: leaf('Cost to measure'),
    distribution: DISTRIBUTION,
    evidence: EVIDENCE,
    samplingCost: { label: 'Cost of a further measurement', fields: { fixed: leaf('Fixed cost'), perObservation: leaf('Cost per observation') } },
  },
};
const BENEFIT: LabelNode = {
  fields: {
    id: leaf('Id'),
    label: leaf('Label'),
    amount: leaf('Gross amount per month'),
    realization: leaf('Realisation'),
    scaleByAdoption: leaf('Scale by adoption'),
    ...months,
  },
};
const COST: LabelNode = {
  fields: {
    id: leaf('Id'),
    label: leaf('Label'),
    category: leaf('Category'),
    kind: leaf('Kind'),
    month: leaf('Month'),
    amount: leaf('Amount'),
    volume: leaf('Volume per month'),
    unitCost: leaf('Unit cost'),
    note: leaf('Note'),
    ...months,
  },
};
const CHECKLIST: LabelNode = {
  item: { noun: 'Item', keep: true, node: { fields: { item: leaf('Item'), status: leaf('Status'), evidence: leaf('Evidence') } } },
};

/** The case format's places and their labels, as the editor shows them. */
const CASE: LabelNode = {
  fields: {
    formatVersion: leaf('Format version'),
    name: leaf('Case name'),
    description: leaf('Description'),
    ownership: {
      label: 'Ownership',
      fields: { businessOwner: leaf('Business owner'), sponsor: leaf('Sponsor'), preparedBy: leaf('Prepared by') },
    },
    currency: leaf('Currency'),
    locale: leaf('Locale'),
    startDate: leaf('Start date'),
    horizonMonths: leaf('Horizon'),
    discountRateAnnual: leaf('Discount rate'),
    inputs: { label: 'Inputs', item: { noun: 'Input', node: INPUT } },
    correlations: { label: 'Correlations', fields: { inputs: leaf('Correlated inputs'), matrix: leaf('Correlation matrix') } },
    variables: { label: 'Variables', item: { noun: 'Variable', node: {} } },
    adoption: {
      label: 'Adoption',
      fields: { startMonth: leaf('Start month'), monthsToHalf: leaf('Months to half the ceiling'), ceiling: leaf('Ceiling') },
    },
    benefits: { label: 'Benefits', item: { noun: 'Benefit', node: BENEFIT } },
    costs: { label: 'Costs', item: { noun: 'Cost', node: COST } },
    pilot: {
      label: 'Pilot',
      fields: {
        durationMonths: leaf('Duration'),
        scopeShare: leaf('Share of production volume covered'),
        adoption: leaf('Usage among pilot users'),
        reportedRoi: leaf('Reported ROI'),
        costs: { label: 'Costs', item: { noun: 'Pilot cost', node: { fields: { label: leaf('Label'), category: leaf('Category'), amount: leaf('Amount') } } } },
      },
    },
    baseline: {
      label: 'Baseline',
      fields: {
        description: leaf('Description'),
        metrics: {
          label: 'Metrics',
          item: { noun: 'Metric', node: { fields: { id: leaf('Id'), value: leaf('Value'), measuredOn: leaf('Measured on') } } },
        },
      },
    },
    valueHypothesis: {
      label: 'Value hypothesis',
      fields: {
        statement: leaf('Statement'),
        expectedChanges: {
          label: 'Expected changes',
          item: { noun: 'Expected change', node: { fields: { metric: leaf('Baseline metric'), expected: leaf('Expected value'), input: leaf('Input') } } },
        },
      },
    },
    measurementPlan: { label: 'Measurement plan', fields: { metric: leaf('What is measured'), method: leaf('Method') } },
    decisionCriteria: {
      label: 'Decision criteria',
      fields: { setOn: leaf('Agreed on'), firstResultsOn: leaf('First results on'), scale: leaf('We scale if'), stop: leaf('We stop if') },
    },
    readiness: {
      label: 'Readiness',
      fields: Object.fromEntries(Object.entries(READINESS_GATE_LABELS).map(([gate, label]) => [gate, { label, ...CHECKLIST }])),
    },
    metrics: { label: 'Custom metrics', item: { noun: 'Metric', node: {} } },
    decisionRules: { label: 'Decision rules' },
    variants: {
      label: 'Variants',
      item: {
        noun: 'Variant',
        node: {
          fields: {
            removeLines: leaf('Lines removed'),
            inputs: { label: 'Inputs', item: { noun: 'Input', node: INPUT } },
            variables: { label: 'Variables', item: { noun: 'Variable', node: {} } },
            addBenefits: { label: 'Added benefits', item: { noun: 'Benefit', node: BENEFIT } },
            addCosts: { label: 'Added costs', item: { noun: 'Cost', node: COST } },
          },
        },
      },
    },
    simulation: { label: 'Simulation', fields: { trials: leaf('Trials'), seed: leaf('Seed'), sampling: leaf('Sampling') } },
  },
};

/** "horizonMonths" → "Horizon months": a readable name for a key the table does not know. */
function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

/** One item of an array or record, by its label when it has one: "Cost 'Integration build'". */
function itemName(noun: string, key: string, value: unknown, inArray: boolean): string {
  const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const label = [record.label, record.item].find((candidate) => typeof candidate === 'string' && candidate.trim() !== '') as string | undefined;
  if (label) return `${noun} '${label.length > 60 ? `${label.slice(0, 57)}…` : label}'`;
  return inArray && /^\d+$/.test(key) ? `${noun} ${Number(key) + 1}` : `${noun} '${key}'`;
}

/** A cell of the correlation matrix by the two inputs it correlates. */
function correlationCell(document: unknown, row: number, column: number): string {
  const names = ((document as { correlations?: { inputs?: unknown } } | null)?.correlations?.inputs ?? []) as unknown[];
  const name = (i: number) => (typeof names[i] === 'string' ? (names[i] as string) : `input ${i + 1}`);
  return `Correlations › ${name(row)} with ${name(column)}`;
}

/**
 * The place a JSON pointer names, in the editor's words, reading the document so that a
 * line is named by its label: `/costs/2/amount` → "Cost 'Integration build' › Amount".
 * Keys the table does not know are made readable; the pointer stays the detail.
 *
 * @example
 * fieldLabel(doc, '/baseline/metrics')          // 'Baseline › Metrics'
 * fieldLabel(doc, '/costs/0/amount')            // "Cost 'Integration build' › Amount"
 * fieldLabel(doc, '/inputs/clerkTime/source')   // "Input 'Clerk time' › Source"
 * fieldLabel(doc, '')                           // 'The case'
 */
export function fieldLabel(document: unknown, pointer: string): string {
  const keys = parsePointer(pointer);
  if (keys.length === 0) return 'The case';
  if (keys[0] === 'correlations' && keys[1] === 'matrix' && keys.length === 4) return correlationCell(document, Number(keys[2]), Number(keys[3]));
  const parts: string[] = [];
  let node: LabelNode = CASE;
  let value: unknown = document;
  for (const key of keys) {
    const next = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    if (node.item) {
      // An item replaces its list's name: "Cost 'Integration build'", not "Costs › Cost …".
      if (!node.item.keep && parts.length > 0 && parts[parts.length - 1] === node.label) parts.pop();
      parts.push(itemName(node.item.noun, key, next, Array.isArray(value) || /^\d+$/.test(key)));
      node = node.item.node;
    } else {
      const child = node.fields?.[key];
      parts.push(child?.label ?? humanize(key));
      node = child ?? {};
    }
    value = next;
  }
  return parts.join(' › ');
}
