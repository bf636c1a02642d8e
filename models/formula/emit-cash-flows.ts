import {
  membersOf,
  monthsIn,
  needsDiscounting,
  planCashFlows,
  type CashFlowLayout,
  type CashFlowLine,
  type CashFlowPlan,
  type PlacedLine,
  type Profile,
} from './cash-flow-plan.ts';
import type { EmitContext } from './emit-js.ts';

export type { CashFlowLine } from './cash-flow-plan.ts';

/** What the kernel needs around the monthly loop. */
export interface CashFlowCode {
  /** Runs once per kernel instance (e.g. sums of discount factors). */
  setup: string[];
  /** Runs once per trial, after the hoisted per-trial statements. */
  trial: string[];
}

/**
 * +0 written so that the engine's first addition sees a floating-point number: a sum
 * started from the literal 0 of 0/1 step profiles is compiled as an integer sum with
 * overflow checks and a conversion at every use.
 */
const FLOAT_ZERO = '(0.5 - 0.5)';

/** Above this much generated month-loop code (characters), one loop per year is emitted instead of segments. */
const MAX_SEGMENTED_CHARACTERS = 24_000;

/*
 * Why profiles: a line's monthly value is almost always (per-trial coefficient) ×
 * (time shape), and many lines share a shape (volume × adoption, or "constant from
 * month 4"). Each line is split into the two; lines with the same shape and months
 * share one profile. Per month, each time-varying profile is computed once and its
 * net weight (benefit coefficients − cost coefficients) applied; lines constant while
 * they run cost nothing per month beyond one per-segment sum. Year totals per line
 * are coefficient × the profile's yearly sum, and present values coefficient × the
 * profile's discounted sum (one side only: the other follows from the discounted net
 * flow). The months are cut into segments at every year end and
 * every line start and stop, so no month test runs inside the loop.
 *
 * Defines per trial: pvB, pvC, tb, tc, cum, cumD, lastNeg, lastNegD, cat<c>, bt<i>,
 * and writes flows[], the fan row and the per-year accumulators.
 */

/**
 * Generates the monthly cash-flow part of the kernel.
 *
 * @example
 * const code = emitCashFlows(lines, { horizonMonths: 48, categories: [0, 3], benefitCount: 2, ... }, context, growthSteps);
 */
export function emitCashFlows(lines: CashFlowLine[], layout: CashFlowLayout, context: EmitContext, growthSteps: string[]): CashFlowCode {
  const plan = planCashFlows(lines, layout, context);
  const setup: string[] = [];
  const trial: string[] = [];
  // Constant profiles: yearly month counts and discounted sums are known before any trial.
  for (const profile of plan.all) {
    if (profile.time === null) setup.push(`let D${profile.id} = 0; for (let m = ${profile.from}; m <= ${profile.to}; m++) D${profile.id} += df[m];`);
  }
  emitAdoptionTable(plan, setup, trial);
  const month: MonthCode = {
    adoptionStep: plan.usesAdoption ? ['const ad = adoptionByMonth[m];'] : [],
    tail: [
      'cum += net; cumD += net * dfm;',
      // Selects, not branches: a branch here mispredicted where the running totals turn positive.
      'lastNeg = cum <= 0 ? m : lastNeg; lastNegD = cumD <= 0 ? m : lastNegD;',
      'flows[m - 1] = net;',
      ...growthSteps,
    ],
  };
  trial.push('let cum = 0, cumD = 0, lastNeg = 0, lastNegD = 0;');
  for (const profile of plan.varying) if (needsDiscounting(plan, profile)) trial.push(`let d${profile.id} = 0;`);
  // V8 stops optimising functions past a size (a kernel of ~60,000 characters ran 10× slower),
  // so long horizons with many line starts and stops get the compact year-loop form instead.
  const segmentedSize = segmentLoops(plan, month, (code) => `h${code.length}`).join('\n').length;
  if (segmentedSize <= MAX_SEGMENTED_CHARACTERS) emitSegmented(plan, month, context, trial);
  else emitYearLoops(plan, month, setup, trial);
  emitTotals(plan, layout, trial);
  return { setup, trial };
}

/** The month loop's shared statements: the adoption lookup (if any) and the running totals after `net`. */
interface MonthCode {
  adoptionStep: string[];
  tail: string[];
}

/**
 * The curve is 0 before its start month; from the first month m >= adS it steps by one
 * multiply. Tabulating it per trial, with exactly those operations, costs less than
 * the two tests it replaces in every month of the loops. The loop runs over every
 * month whatever the trial's start (a select, not a shorter loop), so two trials can
 * share it in the WebAssembly kernel's two lanes.
 */
function emitAdoptionTable(plan: CashFlowPlan, setup: string[], trial: string[]): void {
  if (!plan.usesAdoption) return;
  const H = plan.H;
  setup.push(`const adoptionByMonth = new Float64Array(${H + 1});`);
  // Logistic with rate k = ln 99 / monthsToHalf: e^(−k(m − start − half)) steps by e^(−k) a month,
  // from adM0, the first whole month m >= adS (for a NaN or infinite start the curve never starts
  // or starts in month 1, and adE is unused or the same as before).
  trial.push(
    '{ const adM0 = adS <= 1 ? 1 : Math.ceil(adS); const adK = LN99 / adH; const adR = dexp(-adK); let adE = dexp(-adK * (adM0 - adS - adH));',
    `for (let m = 1; m <= ${H}; m++) { const on = m >= adS; adoptionByMonth[m] = on ? adC / (1 + adE) : 0; adE = on ? adE * adR : adE; } }`,
  );
}

/** One profile's month: its value, its running sum and (on the discounted side) its discounted sum. */
function profileStep(plan: CashFlowPlan, profile: Profile, sum: string, time: string): string {
  return `const t${profile.id} = ${time}; ${sum} += t${profile.id};` + (needsDiscounting(plan, profile) ? ` d${profile.id} += t${profile.id} * dfm;` : '');
}

/** Segments: every profile is on or off for a whole segment, so no month test runs in the loop. */
function segmentLoops(plan: CashFlowPlan, month: MonthCode, hoist: (code: string) => string): string[] {
  const { starts, H, all, varying, weights } = plan;
  return starts.flatMap((a, index) => {
    const b = index + 1 < starts.length ? starts[index + 1] - 1 : H;
    const y = Math.ceil(a / 12);
    const active = (profile: Profile): boolean => profile.from <= a && b <= profile.to;
    const constant = all.filter((profile) => profile.time === null && active(profile)).map((profile) => weights.get(profile.id)!);
    const moving = varying.filter(active);
    const terms = [...(constant.length ? [hoist(constant.join(' + '))] : []), ...moving.map((profile) => `${weights.get(profile.id)} * t${profile.id}`)];
    return [
      `for (let m = ${a}; m <= ${b}; m++) {`,
      `const yr = ${y}; const moy = m - ${(y - 1) * 12};`,
      ...month.adoptionStep,
      'const dfm = df[m];',
      ...moving.map((profile) => profileStep(plan, profile, `s${profile.id}_${y}`, profile.time!)),
      `const net = ${terms.join(' + ') || '0'};`,
      ...month.tail,
      '}',
    ];
  });
}

/** The segmented form: per-year sums of each varying profile, the segment loops, then each group's year totals. */
function emitSegmented(plan: CashFlowPlan, month: MonthCode, context: EmitContext, trial: string[]): void {
  const { varying, years, H } = plan;
  for (const profile of varying) {
    for (let y = 1; y <= years; y++) if (monthsIn(profile, y, H) > 0) trial.push(`let s${profile.id}_${y} = ${FLOAT_ZERO};`);
  }
  trial.push(...segmentLoops(plan, month, (code) => context.hoist(code)));
  // Year totals per line: coefficient × the profile's months (constant) or its yearly sum (varying).
  const yearTotal = (entry: PlacedLine, y: number): string | null => {
    const { profile, coefficient } = entry;
    const count = monthsIn(profile, y, H);
    if (count === 0) return null;
    return profile.time === null ? `${coefficient} * ${count}` : `${coefficient} * s${profile.id}_${y}`;
  };
  for (const { kind, group, local, accBase } of plan.groups) {
    const members = membersOf(plan, kind, group);
    const perYear: string[] = [];
    for (let y = 1; y <= years; y++) {
      const terms = members.map((entry) => yearTotal(entry, y)).filter((term): term is string => term !== null);
      trial.push(`const ${local}_${y} = ${terms.length ? terms.join(' + ') : '0'}; acc[${accBase + y - 1}] += ${local}_${y};`);
      perYear.push(`${local}_${y}`);
    }
    trial.push(`const ${local} = ${perYear.join(' + ')};`);
  }
}

/**
 * Too many segments for one function (long horizons with many one-time lines): one loop per
 * year instead. Constant profiles enter the net flow through a difference array (+weight
 * where a profile starts, −weight after it stops), varying ones behind a month test.
 */
function emitYearLoops(plan: CashFlowPlan, month: MonthCode, setup: string[], trial: string[]): void {
  const { H, years, all, varying, weights } = plan;
  setup.push(`const netSteps = new Float64Array(${H + 2});`);
  for (const profile of all) {
    if (profile.time === null) {
      setup.push(`const C${profile.id} = [${Array.from({ length: years }, (_, y) => monthsIn(profile, y + 1, H)).join(', ')}];`);
      trial.push(`netSteps[${profile.from}] += ${weights.get(profile.id)}; netSteps[${profile.to + 1}] -= ${weights.get(profile.id)};`);
    }
  }
  trial.push('let stepped = 0;', ...plan.groups.map(({ local }) => `let ${local} = 0;`));
  const whole = (profile: Profile): boolean => profile.from === 1 && profile.to === H;
  trial.push(
    `for (let y = 1; y <= ${years}; y++) {`,
    ...varying.map((profile) => `let s${profile.id} = ${FLOAT_ZERO};`),
    `const mEnd = y * 12 < ${H} ? y * 12 : ${H};`,
    'for (let m = (y - 1) * 12 + 1; m <= mEnd; m++) {',
    'const yr = y; const moy = m - (y - 1) * 12;',
    ...month.adoptionStep,
    'const dfm = df[m];',
    'stepped += netSteps[m]; netSteps[m] = 0;',
    ...varying.map((profile) =>
      profileStep(plan, profile, `s${profile.id}`, whole(profile) ? profile.time! : `(m >= ${profile.from} && m <= ${profile.to} ? ${profile.time} : 0)`),
    ),
    `const net = ${['stepped', ...varying.map((profile) => `${weights.get(profile.id)} * t${profile.id}`)].join(' + ')};`,
    ...month.tail,
    '}',
    ...plan.groups.map(({ kind, group, local, accBase }) => {
      const terms = membersOf(plan, kind, group).map(({ profile, coefficient }) =>
        profile.time === null ? `${coefficient} * C${profile.id}[y - 1]` : `${coefficient} * s${profile.id}`,
      );
      return `{ const year = ${terms.length ? terms.join(' + ') : '0'}; acc[${accBase} + y - 1] += year; ${local} += year; }`;
    }),
    '}',
    `netSteps[${H + 1}] = 0;`,
  );
}

/** The fan row, both present values (one side from discounted sums, the other from cumD) and the benefit and cost totals. */
function emitTotals(plan: CashFlowPlan, layout: CashFlowLayout, trial: string[]): void {
  // The fan's running totals are cum's own sums, in the same order, so the same bits;
  // writing them here keeps a branch and a store out of every month.
  trial.push(`if (fanOn) { let running = 0; for (let m = 0; m < ${plan.H}; m++) { running += flows[m]; fan[fanBase + m] = running; } }`);
  const discounted = (entry: PlacedLine): string => `${entry.coefficient} * ${entry.profile.time === null ? 'D' : 'd'}${entry.profile.id}`;
  const presentValue =
    plan.placed
      .filter((entry) => entry.line.kind === plan.discountedSide)
      .map(discounted)
      .join(' + ') || '0';
  trial.push(
    ...(plan.discountedSide === 'benefit'
      ? [`const pvB = ${presentValue};`, 'const pvC = pvB - cumD;']
      : [`const pvC = ${presentValue};`, 'const pvB = pvC + cumD;']),
    `const tb = ${Array.from({ length: layout.benefitCount }, (_, i) => `bt${i}`).join(' + ') || '0'};`,
    `const tc = ${layout.categories.map((c) => `cat${c}`).join(' + ') || '0'};`,
  );
}
