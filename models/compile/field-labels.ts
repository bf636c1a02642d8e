/** Labels of the top-level and section fields, as the editor shows them. */
const LABELS: Record<string, string> = {
  '/name': 'Case name',
  '/description': 'Description',
  '/ownership': 'Ownership',
  '/ownership/businessOwner': 'Business owner',
  '/ownership/sponsor': 'Sponsor',
  '/ownership/preparedBy': 'Prepared by',
  '/currency': 'Currency',
  '/locale': 'Locale',
  '/startDate': 'Start date',
  '/horizonMonths': 'Horizon (months)',
  '/discountRateAnnual': 'Discount rate (annual)',
  '/inputs': 'Inputs',
  '/variables': 'Variables',
  '/correlations': 'Correlations',
  '/adoption': 'Adoption curve',
  '/adoption/type': 'Adoption curve type',
  '/adoption/startMonth': 'Adoption start month',
  '/adoption/monthsToHalf': 'Months to half adoption',
  '/adoption/ceiling': 'Adoption ceiling',
  '/benefits': 'Benefit lines',
  '/costs': 'Cost lines',
  '/pilot': 'Pilot',
  '/pilot/durationMonths': 'Pilot duration (months)',
  '/pilot/scopeShare': 'Pilot scope share',
  '/pilot/costs': 'Pilot costs',
  '/baseline': 'Baseline',
  '/baseline/description': 'Baseline description',
  '/baseline/metrics': 'Baseline metrics',
  '/valueHypothesis': 'Value hypothesis',
  '/valueHypothesis/statement': 'Value hypothesis statement',
  '/valueHypothesis/expectedChanges': 'Expected changes',
  '/measurementPlan': 'Measurement plan',
  '/measurementPlan/metric': 'Measurement plan: metric',
  '/measurementPlan/method': 'Measurement plan: method',
  '/measurementPlan/when': 'Measurement plan: when',
  '/scalingPlan': 'Scaling plan',
  '/scalingPlan/integration': 'Integration plan',
  '/scalingPlan/integration/systems': 'Integration plan › Systems touched',
  '/scalingPlan/integration/milestones': 'Integration plan › Milestones',
  '/scalingPlan/adoption': 'Adoption plan',
  '/scalingPlan/adoption/training': 'Adoption plan › Training',
  '/scalingPlan/adoption/champions': 'Adoption plan › Champions',
  '/scalingPlan/adoption/managersRole': 'Adoption plan › Managers’ role',
  '/scalingPlan/adoption/timeline': 'Adoption plan › Rollout timeline',
  '/scalingPlan/accountability': 'Post-launch accountability',
  '/scalingPlan/accountability/measures': 'Post-launch accountability › Who measures what',
  '/scalingPlan/accountability/canStop': 'Post-launch accountability › Who can stop it',
  '/scalingPlan/valueMeasurement': 'Value-measurement approach',
  '/scalingPlan/valueMeasurement/attribution': 'Value-measurement approach › Attribution',
  '/scalingPlan/valueMeasurement/reporting': 'Value-measurement approach › Reporting',
  '/decisionCriteria': 'Decision criteria',
  '/decisionCriteria/setOn': 'Criteria agreed on',
  '/decisionCriteria/scale': 'Scale criterion',
  '/decisionCriteria/stop': 'Stop criterion',
  '/readiness': 'Readiness checklists',
  '/metrics': 'Custom metrics',
  '/variants': 'Variants',
  '/simulation': 'Simulation settings',
};

/** Words for the fields of a line or an input. */
const PART_LABELS: Record<string, string> = {
  amount: 'amount',
  volume: 'volume',
  unitCost: 'unit cost',
  realization: 'realization',
  label: 'label',
  id: 'id',
  category: 'category',
  kind: 'kind',
  month: 'month',
  fromMonth: 'from month',
  toMonth: 'to month',
  unit: 'unit',
  source: 'source',
  distribution: 'distribution',
};

/** Words for the fields of an input's evidence and sampling cost, which are labelled part by part. */
const EVIDENCE_LABELS: Record<string, string> = {
  evidence: 'evidence',
  observations: 'observations',
  summary: 'summary',
  proportion: 'proportion',
  representativeness: 'representativeness',
  takenOn: 'taken on',
  takenBy: 'taken by',
  note: 'note',
  successes: 'successes',
  trials: 'trials',
  samplingCost: 'cost of a sample',
  fixed: 'fixed',
  perObservation: 'per observation',
};

const unescapePointer = (part: string): string => part.replace(/~1/g, '/').replace(/~0/g, '~');

function lineName(document: unknown, list: string, index: string): string | undefined {
  const lines = (document as Record<string, unknown> | null)?.[list];
  const line = Array.isArray(lines) ? (lines[Number(index)] as { label?: unknown } | undefined) : undefined;
  return typeof line?.label === 'string' && line.label.trim() ? line.label : undefined;
}

/**
 * The label of the field a JSON pointer names, in the editor's words; lines and inputs
 * by their label, e.g. "Benefit 'Clerk time': amount". Unknown paths fall back to the
 * nearest labelled parent, then to the pointer itself.
 *
 * @example
 * fieldLabel('/horizonMonths') // 'Horizon (months)'
 * fieldLabel('/benefits/0/amount', { benefits: [{ label: 'Clerk time' }] }) // "Benefit 'Clerk time': amount"
 */
export function fieldLabel(path: string, document?: unknown): string {
  if (LABELS[path]) return LABELS[path];
  const parts = path.split('/').slice(1).map(unescapePointer);
  const [section, key, field, ...rest] = parts;
  if ((section === 'benefits' || section === 'costs') && key !== undefined) {
    const name = lineName(document, section, key);
    const what = `${section === 'benefits' ? 'Benefit' : 'Cost'} ${name ? `'${name}'` : `line ${Number(key) + 1}`}`;
    return field ? `${what}: ${PART_LABELS[field] ?? field}` : what;
  }
  if (section === 'inputs' && key !== undefined) {
    if (field === 'evidence' || field === 'samplingCost') return `Input '${key}': ${[field, ...rest].map((part) => EVIDENCE_LABELS[part] ?? part).join(' ')}`;
    return field ? `Input '${key}': ${PART_LABELS[field] ?? [field, ...rest].join(' ')}` : `Input '${key}'`;
  }
  if (section === 'variables' && key !== undefined) return `Variable '${key}'`;
  for (let length = parts.length - 1; length > 0; length--) {
    const parent = '/' + parts.slice(0, length).join('/');
    if (LABELS[parent]) return `${LABELS[parent]}: ${parts.slice(length).join(' ')}`;
  }
  return path || 'The case';
}
