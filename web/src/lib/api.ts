/**
 * The web's only way to the server: fetch against the HTTP contract
 * (docs/api.md). Errors arrive as RFC 9457 problems and are thrown as
 * `ApiError`, so pages can show the server's own words.
 */
import type {
  ActualResource,
  AnalysisKind,
  AnalysisResource,
  CaseDocument,
  CaseListItem,
  CaseResource,
  DecisionResource,
  DiffChange,
  Me,
  Page,
  Portfolio,
  Problem,
  RunResource,
  RunStatus,
  SamplingMethod,
  VersionItem,
} from './api-types.ts';
import type { CompareResult } from '../../../models/analysis/compare-cases.ts';

/** A failed request, carrying the server's problem document. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
  }
}

const BASE = '/api';

/** Where the API lives. Same origin in production; tests may point elsewhere. */
let apiOrigin = '';
export function setApiOrigin(origin: string): void {
  apiOrigin = origin.replace(/\/$/, '');
}

let bearerToken: string | null = (() => {
  try {
    return globalThis.localStorage?.getItem('valuegate.token') ?? null;
  } catch {
    return null;
  }
})();

/** Sets the bearer token for token mode (kept in localStorage so a reload keeps it). */
export function setToken(token: string | null): void {
  bearerToken = token;
  try {
    if (token) localStorage.setItem('valuegate.token', token);
    else localStorage.removeItem('valuegate.token');
  } catch {
    // Private mode: the token lives for this page only.
  }
}

interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined | null>;
}

function url(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${apiOrigin}${BASE}${path}${search ? `?${search}` : ''}`;
}

async function toProblem(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as Partial<Problem>;
    return { title: parsed.title ?? response.statusText, status: parsed.status ?? response.status, ...parsed };
  } catch {
    return { title: response.statusText || `HTTP ${response.status}`, status: response.status, detail: text.slice(0, 300) };
  }
}

/** The bearer token's header, when there is one (token mode). */
function authorization(): Record<string, string> {
  return bearerToken ? { authorization: `Bearer ${bearerToken}` } : {};
}

async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers, ...authorization() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url(path, options.query), {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (!response.ok) throw new ApiError(response.status, await toProblem(response));
  return response;
}

async function json<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  return (await response.json()) as T;
}

/**
 * Downloads a file from the API as the signed-in user (a plain link would carry no
 * bearer token in token mode) and hands it to the browser under the server's file name.
 *
 * @example
 * await download(api.exportXlsxUrl(caseId), 'case.xlsx');
 */
export async function download(href: string, fallbackName: string): Promise<void> {
  const response = await fetch(href, { headers: authorization() });
  if (!response.ok) throw new ApiError(response.status, await toProblem(response));
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: objectUrl, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}

/** A resource with the version tag the server gave it (for If-Match). */
export interface Tagged<T> {
  resource: T;
  etag: string;
}

function etagOf(response: Response, resource: CaseResource): string {
  return response.headers.get('etag') ?? `"v${resource.currentVersion}"`;
}

/** What a conditional save returns: the new version, or the version that got there first. */
export type SaveOutcome = { ok: true; resource: CaseResource; etag: string } | { ok: false; conflict: CaseResource | null; problem: Problem };

export interface CaseListQuery {
  owner?: string;
  decision?: string;
  gateStatus?: string;
  q?: string;
  includeArchived?: boolean;
  limit?: number;
  offset?: number;
}

export interface RunRequest {
  /** With `precision`: the most trials the run may use. */
  trials?: number;
  seed?: number;
  sampling?: SamplingMethod;
  version?: number;
  /** Double the run from 16,384 trials until the 95 % CI of the output's mean is within ±relativeHalfWidth of it. */
  precision?: { relativeHalfWidth: number; output?: string };
}

export interface AnalysisRequest {
  kind: AnalysisKind;
  output?: string;
  lowPercentile?: number;
  highPercentile?: number;
  baseSamples?: number;
}

export interface CompareRequest {
  a: { caseId: string; version?: number };
  b: { caseId: string; version?: number; variant?: string };
  trials?: number;
  seed?: number;
  output?: string;
}

export const api = {
  health: () => json<{ status: string; storage: string; engineVersion: string }>('GET', '/health'),
  me: () => json<Me>('GET', '/me'),

  listCases: (query: CaseListQuery = {}) => json<Page<CaseListItem>>('GET', '/cases', { query: { ...query } }),
  async getCase(id: string): Promise<Tagged<CaseResource>> {
    const response = await send('GET', `/cases/${encodeURIComponent(id)}`);
    const resource = (await response.json()) as CaseResource;
    return { resource, etag: etagOf(response, resource) };
  },
  async createCase(document: CaseDocument): Promise<Tagged<CaseResource>> {
    const response = await send('POST', '/cases', { body: document });
    const resource = (await response.json()) as CaseResource;
    return { resource, etag: etagOf(response, resource) };
  },
  async importCase(document: unknown): Promise<Tagged<CaseResource>> {
    const response = await send('POST', '/import', { body: document });
    const resource = (await response.json()) as CaseResource;
    return { resource, etag: etagOf(response, resource) };
  },
  /**
   * PUT with If-Match: a 412 returns the current version instead of overwriting it. A save
   * without a message is an autosave (a working version that may replace the previous autosave).
   */
  async saveCase(id: string, document: CaseDocument, etag: string, message?: string): Promise<SaveOutcome> {
    try {
      const query = { message, autosave: message ? undefined : 'true' };
      const response = await send('PUT', `/cases/${encodeURIComponent(id)}`, { body: document, headers: { 'if-match': etag }, query });
      const resource = (await response.json()) as CaseResource;
      return { ok: true, resource, etag: etagOf(response, resource) };
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) return { ok: false, conflict: error.problem.current ?? null, problem: error.problem };
      throw error;
    }
  },
  archiveCase: (id: string) => json<CaseResource>('POST', `/cases/${encodeURIComponent(id)}/archive`),
  /** Named versions first (with their messages), then working versions, each oldest first. */
  versions: (id: string) => json<{ items: VersionItem[] }>('GET', `/cases/${encodeURIComponent(id)}/versions`),
  /** Names the version `etag` gives (it must be the current one) with a message; 412 when the case moved on. */
  nameVersion: (id: string, message: string, etag: string) =>
    json<VersionItem>('POST', `/cases/${encodeURIComponent(id)}/versions`, { body: { message }, headers: { 'if-match': etag } }),
  version: (id: string, version: number) => json<VersionItem & { document: CaseDocument }>('GET', `/cases/${encodeURIComponent(id)}/versions/${version}`),
  diff: (id: string, from: number, to: number) =>
    json<{ from: number; to: number; changes: DiffChange[] }>('GET', `/cases/${encodeURIComponent(id)}/diff`, { query: { from, to } }),

  startRun: (caseId: string, request: RunRequest, wait = false) =>
    json<RunResource>('POST', `/cases/${encodeURIComponent(caseId)}/runs`, { body: request, query: { wait: wait ? 'true' : undefined } }),
  listRuns: (caseId: string) => json<{ items: RunResource[] }>('GET', `/cases/${encodeURIComponent(caseId)}/runs`),
  getRun: (runId: string) => json<RunResource>('GET', `/runs/${encodeURIComponent(runId)}`),
  cancelRun: (runId: string) => json<RunResource>('POST', `/runs/${encodeURIComponent(runId)}/cancel`),
  trialsCsvUrl: (runId: string) => url(`/runs/${encodeURIComponent(runId)}/trials.csv`),

  createAnalysis: <Result>(runId: string, request: AnalysisRequest) =>
    json<AnalysisResource<Result>>('POST', `/runs/${encodeURIComponent(runId)}/analyses`, { body: request }),
  listAnalyses: <Result>(runId: string, kind?: AnalysisKind) =>
    json<{ items: AnalysisResource<Result>[] }>('GET', `/runs/${encodeURIComponent(runId)}/analyses`, { query: { kind } }),

  compare: (request: CompareRequest) => json<CompareResult>('POST', '/compare', { body: request }),

  decisions: (caseId: string) => json<{ items: DecisionResource[] }>('GET', `/cases/${encodeURIComponent(caseId)}/decisions`),
  recordDecision: (caseId: string, body: { decision: string; rationale: string; runId: string; reasonCategory?: string }) =>
    json<DecisionResource>('POST', `/cases/${encodeURIComponent(caseId)}/decisions`, { body }),

  actuals: (caseId: string) => json<{ items: ActualResource[] }>('GET', `/cases/${encodeURIComponent(caseId)}/actuals`),
  recordActual: (caseId: string, body: { metric: string; value: number; measuredOn: string; note?: string }) =>
    json<ActualResource>('POST', `/cases/${encodeURIComponent(caseId)}/actuals`, { body }),

  portfolio: (driftDays?: number) => json<Portfolio>('GET', '/portfolio', { query: { driftDays } }),
  exportJsonUrl: (caseId: string, version?: number) => url(`/cases/${encodeURIComponent(caseId)}/export.json`, { version }),
  exportXlsxUrl: (caseId: string) => url(`/cases/${encodeURIComponent(caseId)}/export.xlsx`),
};

/**
 * Follows a run's progress over server-sent events until its final status, falling back
 * to polling when the stream breaks (proxies sometimes cut SSE).
 *
 * @example
 * await followRun(run.id, (done, total) => setProgress(done / total));
 */
export function followRun(runId: string, onProgress: (done: number, total: number) => void, onStatus?: (status: RunStatus) => void): Promise<RunResource> {
  const final = new Set<RunStatus>(['succeeded', 'failed', 'cancelled']);
  return new Promise<RunResource>((resolve, reject) => {
    let settled = false;
    const finish = (): void => {
      if (settled) return;
      settled = true;
      source?.close();
      api.getRun(runId).then(resolve, reject);
    };
    const poll = async (): Promise<void> => {
      while (!settled) {
        try {
          const run = await api.getRun(runId);
          onProgress(run.progress.done, run.progress.total);
          onStatus?.(run.status);
          if (final.has(run.status)) {
            settled = true;
            resolve(run);
            return;
          }
        } catch (error) {
          settled = true;
          reject(error);
          return;
        }
        await new Promise((r) => setTimeout(r, 400));
      }
    };
    let source: EventSource | null = null;
    if (typeof EventSource === 'undefined' || bearerToken) {
      // EventSource cannot send an Authorization header; token mode polls instead.
      void poll();
      return;
    }
    source = new EventSource(url(`/runs/${encodeURIComponent(runId)}/events`));
    source.addEventListener('progress', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { done: number; total: number };
      onProgress(data.done, data.total);
    });
    source.addEventListener('status', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { status: RunStatus };
      onStatus?.(data.status);
      if (final.has(data.status)) finish();
    });
    source.onerror = () => {
      if (settled) return;
      source?.close();
      source = null;
      void poll();
    };
  });
}

/** The case id a hash route names, for links. */
export function caseHref(caseId: string, tab = 'edit'): string {
  return `#/cases/${encodeURIComponent(caseId)}/${tab}`;
}

/** The request helpers, for the per-feature call files beside this one (lib/actuals-api.ts). */
export { authorization, json, toProblem, url };
