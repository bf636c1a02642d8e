import { describe, expect, it } from 'vitest';
import { READINESS_GATES } from '../../models/case/readiness.ts';
import { gateStatus, meetsReadinessLevel, readinessStatus } from '../../models/gate/readiness-status.ts';

const met = { item: 'a', status: 'met' } as const;
const partly = { item: 'b', status: 'partly' } as const;
const notMet = { item: 'c', status: 'notMet' } as const;

describe('gateStatus', () => {
  it('is met only when every item is met', () => {
    expect(gateStatus([met, met])).toBe('met');
    expect(gateStatus([met, notMet])).toBe('partly');
  });
  it('is partly when some items are met or partly met', () => {
    expect(gateStatus([partly, notMet])).toBe('partly');
    expect(gateStatus([partly])).toBe('partly');
  });
  it('is notMet when it has items but none even partly met', () => {
    expect(gateStatus([notMet, notMet])).toBe('notMet');
  });
  it('is notStarted without items', () => {
    expect(gateStatus([])).toBe('notStarted');
  });
});

describe('readinessStatus', () => {
  it('lists all six gates in review order with counts; missing gates are not started', () => {
    const rows = readinessStatus({ productionData: [met, partly, notMet], governanceRisk: [met] });
    expect(rows.map((row) => row.gate)).toEqual([...READINESS_GATES]);
    expect(rows[1]).toEqual({ gate: 'productionData', label: 'Production data', status: 'partly', items: [met, partly, notMet], met: 1, total: 3 });
    expect(rows[5]).toMatchObject({ gate: 'governanceRisk', status: 'met', met: 1, total: 1 });
    expect(rows[0]).toMatchObject({ gate: 'businessOwnership', label: 'Business ownership', status: 'notStarted', items: [], met: 0, total: 0 });
  });
  it('treats a case without a readiness section as nothing started', () => {
    expect(readinessStatus(undefined).every((row) => row.status === 'notStarted')).toBe(true);
  });
});

describe('meetsReadinessLevel', () => {
  it('needs met for level met, and accepts partly for level partly', () => {
    expect(meetsReadinessLevel('met', 'met')).toBe(true);
    expect(meetsReadinessLevel('partly', 'met')).toBe(false);
    expect(meetsReadinessLevel('partly', 'partly')).toBe(true);
    expect(meetsReadinessLevel('notMet', 'partly')).toBe(false);
    expect(meetsReadinessLevel('notStarted', 'partly')).toBe(false);
  });
});
