/**
 * The post-launch actuals calls (issue 17; docs/api.md): the scoring report, saving rows
 * or CSV, the history of changes and the re-gate on the updated forecast.
 */
import { ApiError, authorization, json, toProblem, url } from './api.ts';
import type { ActualsChange, ActualsReport, ActualsRow, ActualsSaveResult, RegateResult } from './api-types.ts';

const actualsPath = (caseId: string): string => `/cases/${encodeURIComponent(caseId)}/actuals`;

/**
 * @example
 * const report = await actualsApi.report(caseId); // 409 (ApiError) when the case has no stored run
 * await actualsApi.saveRows(caseId, [{ month: '2027-01', series: 'net', value: 12_000 }]);
 */
export const actualsApi = {
  /** The actuals scored against the latest stored run (or `runId`); 409 when the case has no run. */
  report: (caseId: string, runId?: string) => json<ActualsReport>('GET', actualsPath(caseId), { query: { run: runId } }),
  /** Saves many month × series values at once; a 422 lists every bad row and nothing is saved. */
  saveRows: (caseId: string, rows: ActualsRow[]) => json<ActualsSaveResult>('POST', actualsPath(caseId), { body: { rows } }),
  /** Saves CSV text (`month,series,value[,note]`) as it was pasted or uploaded. */
  async saveCsv(caseId: string, csv: string): Promise<ActualsSaveResult> {
    const response = await fetch(url(actualsPath(caseId)), {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'text/csv', ...authorization() },
      body: csv,
    });
    if (!response.ok) throw new ApiError(response.status, await toProblem(response));
    return (await response.json()) as ActualsSaveResult;
  },
  /** Every change of an actual, with who and when. */
  history: (caseId: string) => json<{ changes: ActualsChange[] }>('GET', `${actualsPath(caseId)}/history`),
  /** Re-runs the gate on the forecast updated by the actuals. */
  regate: (caseId: string) => json<RegateResult>('POST', `${actualsPath(caseId)}/regate`),
};
