import { READINESS_GATES, READINESS_GATE_LABELS, type ChecklistItem, type Readiness, type ReadinessGate } from '../case/readiness.ts';
import type { ReadinessLevel } from './decision-rules.ts';

/** Where a readiness gate stands, from its checklist. */
export type GateStatus = 'met' | 'partly' | 'notMet' | 'notStarted';

/** One gate's status with the items it was derived from. */
export interface ReadinessGateStatus {
  gate: ReadinessGate;
  label: string;
  status: GateStatus;
  items: ChecklistItem[];
  /** Items whose status is 'met'. */
  met: number;
  total: number;
}

/**
 * The status of one checklist: 'met' when it has items and all are met, 'partly' when
 * some are met or partly met, 'notMet' when it has items but none is even partly met,
 * 'notStarted' when it has no items.
 *
 * @example
 * gateStatus([{ item: 'Owner named', status: 'met' }, { item: 'KPIs agreed', status: 'notMet' }]) // 'partly'
 */
export function gateStatus(items: readonly ChecklistItem[]): GateStatus {
  if (items.length === 0) return 'notStarted';
  if (items.every((item) => item.status === 'met')) return 'met';
  if (items.some((item) => item.status === 'met' || item.status === 'partly')) return 'partly';
  return 'notMet';
}

/**
 * The status of every readiness gate, in review order. Gates missing from the case
 * (or a case with no readiness section) are 'notStarted'.
 *
 * @example
 * readinessStatus({ productionData: [{ item: 'Data contract', status: 'met' }] })[1]
 * // { gate: 'productionData', label: 'Production data', status: 'met', items: [...], met: 1, total: 1 }
 */
export function readinessStatus(readiness: Readiness | undefined): ReadinessGateStatus[] {
  return READINESS_GATES.map((gate) => {
    const items = readiness?.[gate] ?? [];
    return {
      gate,
      label: READINESS_GATE_LABELS[gate],
      status: gateStatus(items),
      items,
      met: items.filter((item) => item.status === 'met').length,
      total: items.length,
    };
  });
}

/**
 * Whether a gate's status reaches the required level: 'met' needs 'met'; 'partly'
 * accepts 'met' or 'partly'.
 *
 * @example
 * meetsReadinessLevel('partly', 'met') // false
 * meetsReadinessLevel('partly', 'partly') // true
 */
export function meetsReadinessLevel(status: GateStatus, level: ReadinessLevel): boolean {
  return status === 'met' || (level === 'partly' && status === 'partly');
}
