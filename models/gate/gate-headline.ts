import type { DecisionRules } from './decision-rules.ts';
import type { Criterion } from './gate-criteria.ts';
import type { GateFormat } from './gate-format.ts';
import type { MeasureNextEntry } from './measure-next.ts';
import type { Recommendation } from './recommendation.ts';
import type { Lever } from './redesign-levers.ts';

/** What the headline is written from. */
export interface HeadlineContext {
  recommendation: Recommendation;
  criteria: readonly Criterion[];
  /** Expected NPV. */
  meanNpv: number;
  /** Expected PV of costs. */
  stake: number;
  levers: readonly Lever[];
  /** NPV with every input at its tornado baseline. */
  baselineNpv: number;
  measureNext: readonly MeasureNextEntry[];
  rules: DecisionRules;
  format: GateFormat;
  trials: number;
}

/** Short names of the Monte Carlo figures, for the too-close warning. */
const FIGURE_NAMES: Record<string, string> = {
  scaleProbabilityPositive: 'P(NPV > 0)',
  stopProbabilityPositive: 'P(NPV > 0)',
  medianDiscountedPayback: 'the median payback',
  evpiWithinStake: 'EVPI',
};

/** Readiness gates listed by name up to this many; beyond it they are counted. */
const MAX_GATES_NAMED = 3;

/**
 * The one sentence a board reads: the recommendation and the figures behind it, with
 * a warning when a deciding figure is too close to call at this sample size.
 *
 * @example
 * gateHeadline(context) // 'Scale: 86% chance of a positive NPV (expected €120,000), median discounted payback 14 months and all 6 required readiness gates met.'
 */
export function gateHeadline(context: HeadlineContext): string {
  const { recommendation, criteria, format } = context;
  const byId = (id: string): Criterion => criteria.find((criterion) => criterion.id === id)!;
  if (recommendation === 'keepAsResearch') {
    const reasons = [
      !byId('businessOwner').met && 'no business owner is accountable for the outcome',
      !byId('quantifiedBaseline').met && 'there is no quantified baseline to measure value against',
    ].filter(Boolean);
    return `Keep as research: ${reasons.join(' and ')}, so the case cannot yet be judged as an investment.`;
  }
  const probability = byId('scaleProbabilityPositive').figure;
  const chance = `${format.percent(probability)} chance of a positive NPV (expected ${format.money(context.meanNpv)})`;
  if (recommendation === 'scale') {
    const payback = byId('medianDiscountedPayback').figure;
    return `Scale: ${chance}, median discounted payback ${format.months(payback)} and ${gatesMet(context)}${tooCloseWarning(context, ['scale'])}.`;
  }
  if (recommendation === 'stop') {
    const evpi = byId('evpiWithinStake').figure;
    return (
      `Stop: only ${chance}, and perfect information is worth at most ${format.money(evpi)}, within ` +
      `${format.percent(context.rules.stopMaxEvpiShareOfStake)} of the ${format.money(context.stake)} at stake, ` +
      `so no measurement is likely to change the call${tooCloseWarning(context, ['stop'])}${prohibitedNote(criteria)}.`
    );
  }
  return `Redesign before scaling: ${redesignBlockers(context).join('; ')}${leverText(context)}${measureText(context)}${tooCloseWarning(context, ['scale', 'stop'])}.`;
}

/** For a stop of a prohibited case: the reason it could never be scaled anyway. */
function prohibitedNote(criteria: readonly Criterion[]): string {
  const prohibited = criteria.find((criterion) => criterion.id === 'euAiActNotProhibited' && !criterion.met);
  return prohibited ? `; besides, ${prohibited.note ?? 'a prohibited practice under the EU AI Act can never be scaled'}` : '';
}

function gatesMet({ rules }: HeadlineContext): string {
  const k = rules.requiredGates.length;
  if (k === 0) return 'no readiness gate required';
  const level = rules.requiredGateLevel === 'met' ? 'met' : 'at least partly met';
  return k === 1 ? `the required readiness gate ${level}` : `all ${k} required readiness gates ${level}`;
}

function redesignBlockers(context: HeadlineContext): string[] {
  const { criteria, format, rules } = context;
  const failed = criteria.filter((criterion) => criterion.group === 'scale' && !criterion.met);
  const blockers: string[] = [];
  for (const criterion of failed) {
    if (criterion.id === 'scaleProbabilityPositive') {
      blockers.push(`${format.percent(criterion.figure)} chance of a positive NPV against the ${format.percent(criterion.threshold)} required`);
    } else if (criterion.id === 'medianDiscountedPayback') {
      blockers.push(`median discounted payback ${format.months(criterion.figure)} against at most ${format.months(criterion.threshold)}`);
    }
  }
  const prohibited = failed.find((criterion) => criterion.id === 'euAiActNotProhibited');
  if (prohibited) blockers.unshift(prohibited.note ?? 'a prohibited practice under the EU AI Act can never be scaled');
  if (failed.some((criterion) => criterion.id === 'transparencyDisclosure')) blockers.push('the AI-use disclosure (EU AI Act Art. 50) is not met');
  const mandatory = failed.filter((criterion) => criterion.id.startsWith('mandatory.')).map((criterion) => criterion.id.slice('mandatory.'.length));
  if (mandatory.length > 0) {
    blockers.push(
      mandatory.length <= MAX_GATES_NAMED
        ? `mandatory item${mandatory.length === 1 ? '' : 's'} not met: ${mandatory.join(', ')}`
        : `${mandatory.length} mandatory items not met`,
    );
  }
  const gates = failed.filter((criterion) => criterion.id.startsWith('readiness.'));
  if (gates.length > 0) {
    const level = rules.requiredGateLevel === 'met' ? 'met' : 'at least partly met';
    const names = gates.map((criterion) => criterion.label.replace(/ gate .*$/, ''));
    blockers.push(
      gates.length <= MAX_GATES_NAMED
        ? `readiness gate${gates.length === 1 ? '' : 's'} not ${level}: ${names.join(', ')}`
        : `${gates.length} of ${rules.requiredGates.length} required readiness gates not ${level}`,
    );
  }
  return blockers;
}

function leverText({ levers, baselineNpv }: HeadlineContext): string {
  if (levers.length > 0) return `; levers: ${joinAnd(levers.map((lever) => lever.label))}`;
  return baselineNpv <= 0 ? '; no single driver turns the NPV positive on its own' : '';
}

function measureText({ measureNext, format }: HeadlineContext): string {
  const first = measureNext[0];
  return first ? `; measure ${first.label} first (worth up to ${format.money(first.evppi)})` : '';
}

function tooCloseWarning({ criteria, format, trials }: HeadlineContext, groups: Criterion['group'][]): string {
  const names = [...new Set(criteria.filter((c) => c.tooClose && groups.includes(c.group)).map((c) => FIGURE_NAMES[c.id] ?? c.label))];
  if (names.length === 0) return '';
  return `; ${joinAnd(names)} ${names.length === 1 ? 'is' : 'are'} too close to call at ${format.count(trials)} trials`;
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
