import type { Criterion } from '../gate/gate-criteria.ts';
import type { GateFormat } from '../gate/gate-format.ts';
import type { GateResult } from '../gate/evaluate-gate.ts';
import type { ScalingPlanCheck } from '../gate/scaling-plan-checks.ts';
import type { OutlineSection } from './outline-types.ts';

function criterionFigure(c: Criterion, f: GateFormat): [string, string] {
  if (c.id.includes('ProbabilityPositive')) return [f.percent(c.figure), `${c.comparison === '<' ? '<' : '≥'} ${f.percent(c.threshold)}`];
  if (c.id === 'medianDiscountedPayback') return [f.months(c.figure), `≤ ${f.months(c.threshold)}`];
  if (c.id === 'evpiWithinStake') return [f.money(c.figure), `≤ ${f.money(c.threshold)}`];
  if (c.id.startsWith('readiness.')) return [c.note ?? f.value(c.figure), c.threshold === 1 ? 'every item met' : 'at least one item'];
  return [f.value(c.figure), `≥ ${f.value(c.threshold)}`];
}

const STATUS_WORDS = { met: 'met', partly: 'partly met', notMet: 'not met', notStarted: 'not started' } as const;

/**
 * The gate as a document section: every criterion, the readiness gates, each readiness
 * item with its owner and evidence (the sign-offs), and the scaling plan's four checks.
 *
 * @example
 * gateSection(gate, gateFormat('EUR'), gate.scalingPlan).heading // '10. The gate'
 */
export function gateSection(gate: GateResult, f: GateFormat, checks: readonly ScalingPlanCheck[]): OutlineSection {
  const group = { prerequisite: 'Prerequisite', scale: 'Scale', stop: 'Stop' } as const;
  const signOffs = gate.readiness.flatMap((g) =>
    g.items.map((item) => [g.label, item.item, STATUS_WORDS[item.status], item.owner ?? '—', item.evidence?.text ?? '—']),
  );
  const blocks: OutlineSection['blocks'] = [
    {
      kind: 'table',
      caption: 'Every criterion of the gate',
      header: ['Step', 'Criterion', 'Figure', 'Threshold', 'Met'],
      rows: gate.criteria.map((c) => [
        group[c.group],
        c.label,
        ...criterionFigure(c, f),
        c.met ? (c.tooClose ? 'Yes (too close to call)' : 'Yes') : c.tooClose ? 'No (too close to call)' : 'No',
      ]),
    },
    {
      kind: 'table',
      caption: 'Readiness gates',
      header: ['Gate', 'Status', 'Items met'],
      rows: gate.readiness.map((g) => [g.label, STATUS_WORDS[g.status], `${g.met} of ${g.total}`]),
    },
    { kind: 'subheading', text: 'Readiness sign-offs' },
    { kind: 'table', caption: 'Readiness items with their owner and evidence', header: ['Gate', 'Item', 'Status', 'Owner', 'Evidence'], rows: signOffs },
    {
      kind: 'table',
      caption: 'Scaling plan, checked by the gate',
      header: ['Part', 'Status', 'Detail'],
      rows: checks.map((c) => [c.label, c.passed === 'yes' ? 'complete' : c.passed === 'partly' ? 'incomplete' : 'missing', c.detail]),
    },
  ];
  return { id: 'gate', heading: '10. The gate', blocks };
}

/**
 * What to measure next, from the gate's value-of-information ranking.
 *
 * @example
 * measureNextSection(gate).heading // '11. What to measure next'
 */
export function measureNextSection(gate: GateResult): OutlineSection {
  const items = gate.measureNext.map((entry) => entry.sentence);
  return {
    id: 'measure-next',
    heading: '11. What to measure next',
    blocks: items.length
      ? [{ kind: 'list', ordered: true, items }]
      : [{ kind: 'paragraph', text: 'No measurement is worth more than it costs at this stage.' }],
  };
}
