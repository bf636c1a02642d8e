import type { Expr } from './expr.ts';
import { splitProduct, type EmitContext } from './emit-js.ts';

/** One benefit or cost line: its monthly value and the months [from, to] it runs. */
export interface CashFlowLine {
  kind: 'benefit' | 'cost';
  /** Benefit line index, or the cost line's category index in the taxonomy. */
  group: number;
  value: Expr;
  from: number;
  to: number;
}

/** Where the kernel's cash flows go: horizon, cost categories in use, benefit lines and accumulator bases. */
export interface CashFlowLayout {
  horizonMonths: number;
  categories: number[];
  benefitCount: number;
  costByCategoryYear: number;
  benefitByLineYear: number;
}

/** Lines sharing one time shape and the same months: per-trial coefficients on each side. */
export interface Profile {
  id: number;
  /** Code of the time-varying factor, or null for a line constant while it runs. */
  time: string | null;
  from: number;
  to: number;
  benefitCoefficients: string[];
  costCoefficients: string[];
}

/** A line inside the horizon, split into its per-trial coefficient and its shared profile. */
export interface PlacedLine {
  line: CashFlowLine;
  coefficient: string;
  profile: Profile;
}

/** A per-year accumulator group: a cost category or a benefit line, with its per-trial local. */
export interface CashFlowGroup {
  kind: 'benefit' | 'cost';
  group: number;
  local: string;
  accBase: number;
}

/** Everything the emitters share: the profiles, their net weights, segments and which side is discounted. */
export interface CashFlowPlan {
  H: number;
  years: number;
  placed: PlacedLine[];
  all: Profile[];
  varying: Profile[];
  /** Profile id → the hoisted local holding its net weight (benefit − cost coefficients). */
  weights: Map<number, string>;
  /** First month of every segment: year starts and every line start and stop. */
  starts: number[];
  /** The side whose present value comes from per-profile discounted sums (the other follows from cumD). */
  discountedSide: CashFlowLine['kind'];
  usesAdoption: boolean;
  groups: CashFlowGroup[];
}

/**
 * Splits the lines into profiles and decides the shape of the generated month loops.
 * Hoists each profile's net weight through `context`, in profile order, before any
 * other emission, as the kernel's numbering of hoisted locals depends on that order.
 *
 * @example
 * const plan = planCashFlows(lines, layout, context);
 */
export function planCashFlows(lines: CashFlowLine[], layout: CashFlowLayout, context: EmitContext): CashFlowPlan {
  const H = layout.horizonMonths;
  const years = Math.ceil(H / 12);
  const profiles = new Map<string, Profile>();
  const placed = lines
    .filter((line) => line.from <= line.to && line.from <= H && line.to >= 1)
    .map((line) => {
      const from = Math.max(line.from, 1);
      const to = Math.min(line.to, H);
      const { coefficient, profile: time } = splitProduct(line.value, context);
      const key = `${time ?? '1'}|${from}|${to}`;
      let profile = profiles.get(key);
      if (!profile) {
        profile = { id: profiles.size, time, from, to, benefitCoefficients: [], costCoefficients: [] };
        profiles.set(key, profile);
      }
      (line.kind === 'benefit' ? profile.benefitCoefficients : profile.costCoefficients).push(coefficient);
      return { line, coefficient, profile };
    });
  const all = [...profiles.values()];
  const weight = (profile: Profile): string => {
    const plus = profile.benefitCoefficients.join(' + ');
    const minus = profile.costCoefficients.join(' + ');
    if (!minus) return context.hoist(plus);
    return context.hoist(plus ? `(${plus}) - (${minus})` : `-(${minus})`);
  };
  const weights = new Map(all.map((profile) => [profile.id, weight(profile)]));
  const varying = all.filter((profile) => profile.time !== null);
  // The discounted net flow (cumD) is PV benefits − PV costs, so only one side's present
  // value needs per-profile discounted sums: the side with fewer time-varying profiles.
  const benefitVarying = varying.filter((profile) => profile.benefitCoefficients.length > 0).length;
  const costVarying = varying.filter((profile) => profile.costCoefficients.length > 0).length;
  const groups: CashFlowGroup[] = [
    ...layout.categories.map((c) => ({ kind: 'cost' as const, group: c, local: `cat${c}`, accBase: layout.costByCategoryYear + c * years })),
    ...Array.from({ length: layout.benefitCount }, (_, i) => ({
      kind: 'benefit' as const,
      group: i,
      local: `bt${i}`,
      accBase: layout.benefitByLineYear + i * years,
    })),
  ];
  return {
    H,
    years,
    placed,
    all,
    varying,
    weights,
    starts: segmentStarts(all, H),
    discountedSide: benefitVarying <= costVarying ? 'benefit' : 'cost',
    usesAdoption: varying.some((profile) => /\bad\b/.test(profile.time!)),
    groups,
  };
}

/** Segment starts: month 1, every year start and every profile's first month and the month after its last. */
function segmentStarts(all: Profile[], H: number): number[] {
  const boundaries = new Set<number>([1]);
  for (let m = 13; m <= H; m += 12) boundaries.add(m);
  for (const profile of all) {
    boundaries.add(profile.from);
    if (profile.to < H) boundaries.add(profile.to + 1);
  }
  return [...boundaries].sort((a, b) => a - b);
}

/** Months of year y (1-based) in which the profile runs. */
export function monthsIn(profile: Profile, y: number, H: number): number {
  return Math.max(0, Math.min(profile.to, y * 12, H) - Math.max(profile.from, (y - 1) * 12 + 1) + 1);
}

/** Whether the profile keeps a per-trial discounted sum (it has a line on the discounted side). */
export function needsDiscounting(plan: CashFlowPlan, profile: Profile): boolean {
  return (plan.discountedSide === 'benefit' ? profile.benefitCoefficients : profile.costCoefficients).length > 0;
}

/** The placed lines of one accumulator group. */
export function membersOf(plan: CashFlowPlan, kind: 'benefit' | 'cost', group: number): PlacedLine[] {
  return plan.placed.filter((entry) => entry.line.kind === kind && entry.line.group === group);
}
