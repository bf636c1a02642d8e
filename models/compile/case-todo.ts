import type { CaseIssue } from '../case/case-error.ts';
import { fieldLabel } from './field-labels.ts';
import { validateCase } from './validate-case.ts';

/** One thing a draft still needs, in words: for a run, or for the gate's recommendation. */
export interface TodoItem {
  /** JSON pointer of the field, as a detail (the editor focuses it). */
  path: string;
  /** The field's label, as the editor shows it. */
  field: string;
  /** What to do, in a sentence. */
  message: string;
  /** 'run': the case cannot be simulated until this is done; 'gate': the gate cannot pass until it is. */
  blocks: 'run' | 'gate';
}

type Doc = Record<string, unknown>;
type Need = [path: string, message: string];

const has = (value: unknown): boolean => value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
const section = (doc: Doc, key: string): Doc | undefined =>
  typeof doc[key] === 'object' && doc[key] !== null && !Array.isArray(doc[key]) ? (doc[key] as Doc) : undefined;

/** Required fields of the parts a draft may leave incomplete, and what to say when one is missing. */
const SECTION_FIELDS: Record<string, Need[]> = {
  adoption: [
    ['type', 'Set the adoption curve type ("logistic")'],
    ['startMonth', 'Set the month in which use begins'],
    ['monthsToHalf', 'Set how many months it takes to reach half of the ceiling'],
    ['ceiling', 'Set the adoption ceiling: the long-run share of eligible work that uses the tool (0 to 1)'],
  ],
  pilot: [
    ['durationMonths', 'Complete the pilot: how many months it ran'],
    ['scopeShare', 'Complete the pilot: the share of production volume it covered (0 to 1)'],
    ['costs', 'Complete the pilot: list what it cost (an empty list if nothing)'],
  ],
  baseline: [['metrics', 'Add at least one baseline metric (or remove the baseline): the gate recommends keep-as-research until one is quantified']],
  valueHypothesis: [
    ['statement', 'Complete the value hypothesis: say what changes and by how much'],
    ['expectedChanges', 'Complete the value hypothesis: list the expected changes in baseline metrics (an empty list if none yet)'],
  ],
  measurementPlan: [
    ['metric', 'Complete the measurement plan: which metric will be measured'],
    ['method', 'Complete the measurement plan: by what method'],
    ['when', 'Complete the measurement plan: when'],
  ],
  decisionCriteria: [
    ['setOn', 'Complete the decision criteria: the date they were agreed (YYYY-MM-DD)'],
    ['scale', 'Complete the decision criteria: when to scale'],
    ['stop', 'Complete the decision criteria: when to stop'],
  ],
};

/** What a case format needs before the engine can simulate it, checked on the raw draft. */
function missingForRun(doc: Doc): Need[] {
  const needs: Need[] = [];
  if (!has(section(doc, 'ownership')?.sponsor)) needs.push(['/ownership/sponsor', 'Name the sponsor: who funds the work']);
  if (!has(doc.currency)) needs.push(['/currency', 'Set the currency: a three-letter code such as EUR']);
  if (!has(doc.startDate)) needs.push(['/startDate', 'Set the start date (YYYY-MM-DD): month 1 of the case']);
  if (!has(doc.horizonMonths)) needs.push(['/horizonMonths', 'Set the horizon in months: how long the case runs, e.g. 36']);
  if (!has(doc.discountRateAnnual)) needs.push(['/discountRateAnnual', 'Set the annual discount rate, e.g. 0.08 for 8 %']);
  if (!has(doc.inputs)) needs.push(['/inputs', 'Add the inputs: the uncertain quantities the formulas use']);
  if (!has(doc.adoption)) needs.push(['/adoption', 'Describe the adoption curve: when use begins, how fast it grows and its ceiling']);
  if (!Array.isArray(doc.benefits) || doc.benefits.length === 0) needs.push(['/benefits', 'Add at least one benefit line: what the tool is worth each month']);
  if (!has(doc.costs)) needs.push(['/costs', 'Add the cost lines: what production costs, category by category (an empty list if none)']);
  for (const [key, fields] of Object.entries(SECTION_FIELDS)) {
    const part = section(doc, key);
    if (!part) continue;
    for (const [field, message] of fields) if (!has(part[field])) needs.push([`/${key}/${field}`, message]);
  }
  needs.push(...missingEvidence(doc));
  return needs;
}

/** What an input's evidence still lacks: one kind of measurement, where, when and by whom it was taken. */
function missingEvidence(doc: Doc): Need[] {
  const needs: Need[] = [];
  for (const [name, input] of Object.entries(section(doc, 'inputs') ?? {})) {
    const evidence = typeof input === 'object' && input !== null ? section(input as Doc, 'evidence') : undefined;
    if (!evidence) continue;
    const at = `/inputs/${name.replace(/~/g, '~0').replace(/\//g, '~1')}/evidence`;
    if (!has(evidence.observations) && !has(evidence.summary) && !has(evidence.proportion))
      needs.push([at, 'Enter the measurements: observations, a summary (n, mean, sd) or a proportion (successes of trials)']);
    for (const [field, message] of EVIDENCE_FIELDS) if (!has(evidence[field])) needs.push([`${at}/${field}`, message]);
  }
  return needs;
}

const EVIDENCE_FIELDS: Need[] = [
  ['representativeness', 'Say where the evidence was taken: production, similar or curated'],
  ['takenOn', 'Say when the evidence was taken (YYYY-MM-DD)'],
  ['takenBy', 'Say who took the evidence'],
];

/** What the gate needs to recommend anything but keep-as-research, in the order a review asks. */
function missingForGate(doc: Doc, forRun: Need[]): Need[] {
  const needs: Need[] = [];
  const planned = new Set(forRun.map(([path]) => path));
  if (!has(section(doc, 'ownership')?.businessOwner))
    needs.push(['/ownership/businessOwner', 'Name the business owner: the person accountable for the process outcome (not the sponsor)']);
  const metrics = section(doc, 'baseline')?.metrics;
  if (!planned.has('/baseline/metrics') && (!Array.isArray(metrics) || metrics.length === 0))
    needs.push(['/baseline/metrics', 'Add at least one baseline metric: the gate recommends keep-as-research until one is quantified']);
  const hypothesis = section(doc, 'valueHypothesis');
  if (!hypothesis) needs.push(['/valueHypothesis', 'State the value hypothesis: what changes, by how much, in which baseline metric']);
  else if (Array.isArray(hypothesis.expectedChanges) && hypothesis.expectedChanges.length === 0)
    needs.push(['/valueHypothesis/expectedChanges', 'Link the value hypothesis to at least one expected change in a baseline metric']);
  if (!section(doc, 'measurementPlan')) needs.push(['/measurementPlan', 'Write the measurement plan: which metric, by what method, and when']);
  if (!section(doc, 'decisionCriteria'))
    needs.push(['/decisionCriteria', 'Agree the scale and stop criteria, and record when, before the first results are seen']);
  needs.push(...missingPlanParts(section(doc, 'scalingPlan')));
  return needs;
}

/** What the scaling plan still lacks: the gate counts each missing or incomplete part as an unmet readiness item. */
function missingPlanParts(plan: Doc | undefined): Need[] {
  const needs: Need[] = [];
  const part = (key: string) => section(plan ?? {}, key);
  const items = (doc: Doc | undefined, key: string) => (Array.isArray(doc?.[key]) ? (doc[key] as Doc[]) : []);
  const integration = part('integration');
  if (!integration)
    needs.push(['/scalingPlan/integration', 'Write the integration plan: the systems it touches and the milestones, each with an owner and a date']);
  else {
    if (items(integration, 'systems').length === 0) needs.push(['/scalingPlan/integration/systems', 'Name the systems the production service touches']);
    if (items(integration, 'milestones').length === 0)
      needs.push(['/scalingPlan/integration/milestones', 'Add the integration milestones, each with an owner and a date']);
    items(integration, 'milestones').forEach((m, i) => {
      if (!has(m.owner) || !has(m.due)) needs.push([`/scalingPlan/integration/milestones/${i}`, 'Give this milestone an owner and a due date']);
    });
  }
  const adoption = part('adoption');
  if (!adoption) needs.push(['/scalingPlan/adoption', 'Write the adoption plan: training, champions, the managers’ role and the rollout timeline']);
  else {
    for (const [field, words] of [
      ['training', 'who is trained, how and when'],
      ['champions', 'who the champions are and what they do'],
      ['managersRole', 'what the managers do to make the change stick'],
    ])
      if (!has(adoption[field])) needs.push([`/scalingPlan/adoption/${field}`, `Complete the adoption plan: ${words}`]);
    if (items(adoption, 'timeline').length === 0)
      needs.push(['/scalingPlan/adoption/timeline', 'Add the rollout timeline: by which month usage reaches which share of the ceiling']);
  }
  const accountability = part('accountability');
  if (!accountability) needs.push(['/scalingPlan/accountability', 'Write the post-launch accountability: who measures what, when, and who can stop it']);
  else {
    if (items(accountability, 'measures').length === 0) needs.push(['/scalingPlan/accountability/measures', 'Say who measures what after launch, and when']);
    if (!has(accountability.canStop)) needs.push(['/scalingPlan/accountability/canStop', 'Name who can stop the service after launch']);
  }
  const value = part('valueMeasurement');
  if (!value)
    needs.push(['/scalingPlan/valueMeasurement', 'Write the value-measurement approach: how the change is attributed to the tool and how it is reported']);
  else {
    if (!has(value.attribution))
      needs.push(['/scalingPlan/valueMeasurement/attribution', 'Say how the change is attributed to the tool (e.g. a control group)']);
    if (!has(value.reporting)) needs.push(['/scalingPlan/valueMeasurement/reporting', 'Say how and to whom the measured value is reported']);
  }
  return needs;
}

/** An issue is explained by a missing field at, above or below it (a missing section's "is required"). */
const covers = (path: string, issuePath: string): boolean =>
  issuePath === path || issuePath.startsWith(`${path}/`) || (issuePath !== '' && path.startsWith(`${issuePath}/`));

/**
 * The to-do list of a draft, in words: what is missing before it can run, then what the
 * gate still needs. `runIssues` are the engine's own validation problems (formulas,
 * names, months) of the draft; those not already explained by a missing field become
 * run items too, so an empty list of 'run' items means the case simulates. Pass them
 * when already computed; otherwise they are computed here.
 *
 * @example
 * caseTodo({ formatVersion: 1, name: 'Invoice matching' })[0]
 * // { path: '/ownership/sponsor', field: 'Sponsor', message: 'Name the sponsor: who funds the work', blocks: 'run' }
 */
export function caseTodo(draft: unknown, runIssues?: readonly CaseIssue[]): TodoItem[] {
  const doc = (typeof draft === 'object' && draft !== null ? draft : {}) as Doc;
  const forRun = missingForRun(doc);
  const issues =
    runIssues ??
    (() => {
      const result = validateCase(draft);
      return result.ok ? [] : result.issues;
    })();
  const item = ([path, message]: Need, blocks: TodoItem['blocks']): TodoItem => ({ path, field: fieldLabel(path, doc), message, blocks });
  const run = forRun.map((need) => item(need, 'run'));
  for (const issue of unexplained(forRun, issues)) {
    const message = issue.hint ? `${issue.message} (did you mean "${issue.hint}"?)` : issue.message;
    run.push(item([issue.path, capitalise(message)], 'run'));
  }
  return [...run, ...missingForGate(doc, forRun).map((need) => item(need, 'gate'))];
}

const unexplained = (forRun: Need[], issues: readonly CaseIssue[]): CaseIssue[] => issues.filter((issue) => !forRun.some(([path]) => covers(path, issue.path)));

/**
 * The engine's validation issues of a draft that are not just a missing field (which
 * the to-do list says in words): bad formulas, unknown names, months past the horizon.
 *
 * @example
 * problemsBeyondMissing({ formatVersion: 1, name: 'X' }, [{ path: '/currency', message: 'is required (string)' }]) // []
 */
export function problemsBeyondMissing(draft: unknown, issues: readonly CaseIssue[]): CaseIssue[] {
  return unexplained(missingForRun((typeof draft === 'object' && draft !== null ? draft : {}) as Doc), issues);
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The to-do items as lines of text, for the CLI and error details.
 *
 * @example
 * formatTodoItem({ path: '/horizonMonths', field: 'Horizon (months)', message: 'Set the horizon…', blocks: 'run' })
 * // 'Horizon (months): Set the horizon… (/horizonMonths)'
 */
export function formatTodoItem(item: TodoItem): string {
  return `${item.field}: ${item.message} (${item.path})`;
}
