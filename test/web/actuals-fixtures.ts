import { vi } from 'vitest';
import type { ActualsReport, ActualsSeriesReport, CaseResource, RunResource } from '../../web/src/lib/api-types.ts';
import type { RunsStore } from '../../web/src/stores/runs-store.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

/** A case with one KPI and a benefit line "Clerk-time", starting 2027-01. */
export function actualsCase(): CaseResource {
  return {
    id: 'case-1',
    name: 'Actuals case',
    businessOwner: 'Head of Service',
    sponsor: 'COO',
    currency: 'EUR',
    locale: null,
    currentVersion: 1,
    hash: 'h1',
    archived: false,
    createdAt: '2026-01-01T00:00:00Z',
    createdBy: 'editor',
    updatedAt: '2026-01-02T00:00:00Z',
    document: minimalCase({
      benefits: [{ id: 'clerk_time', label: 'Clerk-time', amount: 'benefitPerMonth', scaleByAdoption: false }],
      baseline: { metrics: [{ id: 'handle_time', label: 'Handle time', value: 8, unit: 'min', source: 'time study' }] },
    }),
    warnings: [],
    todo: [],
    complete: true,
  };
}

export const RUN: RunResource = {
  id: 'run-00000001',
  caseId: 'case-1',
  caseVersion: 1,
  caseHash: 'h1',
  status: 'succeeded',
  trials: 10_000,
  seed: 42,
  sampling: 'lhs',
  representativenessFactors: { production: 1, similar: 0.5, curated: 0.25 },
  engineVersion: 'test',
  progress: { done: 10_000, total: 10_000 },
  createdAt: '2027-01-01T00:00:00Z',
  startedAt: null,
  finishedAt: null,
  createdBy: 'editor',
};

/** A runs store with a stored run (or none), recording starts. */
export function fakeRuns(run: RunResource | null): RunsStore & { started: unknown[] } {
  const started: unknown[] = [];
  return {
    started,
    runs: () => (run ? [run] : []),
    loading: () => false,
    latest: () => run,
    progress: () => null,
    error: () => null,
    start: vi.fn(async (request) => {
      started.push(request);
      return null;
    }),
    cancel: async () => undefined,
    refresh: async () => undefined,
  };
}

const month = (i: number): string => `2027-${String(i).padStart(2, '0')}`;

/** Clerk-time: forecast P10–P90 of 900–1,100 each month; actuals 1,000 then 800 and 780 in 2027-05 and 2027-06. */
export function clerkTimeSeries(): ActualsSeriesReport {
  const values = [1000, 1010, 990, 1005, 800, 780];
  return {
    id: 'benefit:clerk_time',
    label: 'Clerk-time',
    unit: 'EUR',
    kind: 'benefit',
    fan: Array.from({ length: 12 }, (_, i) => ({ monthIndex: i + 1, month: month(i + 1), p5: 850, p10: 900, p50: 1000, p90: 1100, p95: 1150 })),
    observations: values.map((value, i) => ({
      month: month(i + 1),
      monthIndex: i + 1,
      value,
      note: null,
      recordedBy: 'cfo',
      recordedAt: '2027-07-01T09:00:00Z',
      pit: value >= 900 ? 0.5 : 0.02,
      crps: value >= 900 ? 30 : 170,
      intervalScore: value >= 900 ? 300 : 1_000,
      inside90: value >= 850,
    })),
    coverage90: 4 / 6,
    pitHistogram: [2, 0, 4, 0, 0],
    regate: { flagged: true, months: ['2027-05', '2027-06'] },
  };
}

export function report(overrides: Partial<ActualsReport> = {}): ActualsReport {
  return {
    runId: RUN.id,
    caseVersion: 1,
    series: [clerkTimeSeries()],
    regate: { flagged: true, reasons: ['Clerk-time benefit was below P10 for 2 consecutive months'] },
    updatedForecast: {
      npv: {
        original: { p5: -10_000, p50: 50_000, p95: 120_000, mean: 52_000, pPositive: 0.82 },
        updated: { p5: -30_000, p50: 20_000, p95: 70_000, mean: 21_000, pPositive: 0.64 },
      },
      paybackMonth: { original: 14, updated: 22 },
      realisedToDate: 5_585,
      effectiveSampleSize: 1_234,
      storedTrials: 10_000,
      lowEss: false,
      message: 'Updated by 6 actuals.',
      errors: {},
    },
    durable: [{ metric: 'handle_time', label: 'Handle time', durable: true, reason: 'the last 6 months were all below the 8 min baseline' }],
    ...overrides,
  };
}

export interface Call {
  method: string;
  path: string;
  contentType: string | null;
  body: string | undefined;
}

/** A fake API at the fetch level: `routes` answers "METHOD /path" (query ignored); every call is recorded. */
export function fakeApi(routes: Record<string, (body: string | undefined) => Response>): { calls: Call[] } {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (href: string, init: RequestInit = {}) => {
    const path = new URL(href, 'http://test').pathname;
    const method = init.method ?? 'GET';
    const body = init.body === undefined ? undefined : String(init.body);
    calls.push({ method, path, contentType: new Headers(init.headers).get('content-type'), body });
    const route = routes[`${method} ${path}`];
    if (!route) return json(404, { title: 'Not Found', status: 404, detail: `${method} ${path}` });
    return route(body);
  });
  return { calls };
}

export const json = (status: number, payload: unknown): Response =>
  new Response(JSON.stringify(payload), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
