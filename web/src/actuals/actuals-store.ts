import { createResource, createSignal, type Accessor } from 'solid-js';
import { actualsApi } from '../lib/actuals-api.ts';
import { ApiError } from '../lib/api.ts';
import type { ActualsChange, ActualsReport, ActualsRow, ActualsSaveResult, RegateResult } from '../lib/api-types.ts';
import type { RunsStore } from '../stores/runs-store.ts';

/** The report as loaded: a report, or "no run yet", or the error to show. */
export interface ReportState {
  report: ActualsReport | null;
  noRun: boolean;
  error: unknown;
}

export interface ActualsStore {
  /** The scoring against the latest stored run; undefined while the first load is under way. */
  report: Accessor<ReportState | undefined>;
  history: Accessor<ActualsChange[]>;
  historyError: Accessor<unknown>;
  saveRows(rows: ActualsRow[]): Promise<ActualsSaveResult>;
  saveCsv(csv: string): Promise<ActualsSaveResult>;
  regate(): Promise<RegateResult>;
  reload(): void;
}

/**
 * The case's actuals, their history and their scoring against the latest stored run; a
 * save reloads both, and a new run (a larger one after a low ESS) reloads the scoring.
 *
 * @example
 * const actuals = createActualsStore(caseId, runs);
 * await actuals.saveRows([{ month: '2027-01', series: 'net', value: 12_000 }]);
 */
export function createActualsStore(caseId: string, runs: RunsStore): ActualsStore {
  const [tick, setTick] = createSignal(0);
  const [history] = createResource(tick, async () => {
    try {
      return { changes: (await actualsApi.history(caseId)).changes, error: null as unknown };
    } catch (error) {
      return { changes: [] as ActualsChange[], error };
    }
  });
  const [report] = createResource(
    () => (runs.loading() ? false : { run: runs.latest()?.id, tick: tick() }),
    async ({ run }): Promise<ReportState> => {
      try {
        return { report: await actualsApi.report(caseId, run), noRun: false, error: null };
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) return { report: null, noRun: true, error: null };
        return { report: null, noRun: false, error };
      }
    },
  );
  const reload = (): void => {
    setTick((n) => n + 1);
  };
  return {
    report: () => report.latest,
    history: () => history.latest?.changes ?? [],
    historyError: () => history.latest?.error ?? null,
    async saveRows(rows) {
      const result = await actualsApi.saveRows(caseId, rows);
      reload();
      return result;
    },
    async saveCsv(csv) {
      const result = await actualsApi.saveCsv(caseId, csv);
      reload();
      return result;
    },
    regate: () => actualsApi.regate(caseId),
    reload,
  };
}
