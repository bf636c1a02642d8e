import type { RepresentativenessFactors } from '../../../models/evidence/representativeness-factors.ts';
import type { CaseIssue } from '../../../models/case/case-error.ts';
import type { KernelBackend } from '../../../models/engine/runnable-model.ts';
import type { RunSummary } from '../../../models/engine/summarize-run.ts';

/** Settings of one browser simulation: the same three that make a server run reproducible. */
export interface SimulationSettings {
  trials: number;
  seed: number;
  sampling: 'mc' | 'lhs';
  /** The portfolio's representativeness factors, as the server's runs weigh evidence (default 1, ½, ¼). */
  representativenessFactors?: RepresentativenessFactors;
}

export interface SimulationRequest extends SimulationSettings {
  id: number;
  document: unknown;
}

/** Where the time went, in milliseconds, measured inside the worker. */
export interface WorkerTimings {
  validate: number;
  simulate: number;
  summarize: number;
}

export type SimulationResponse =
  | {
      id: number;
      ok: true;
      summary: RunSummary;
      warnings: CaseIssue[];
      timings: WorkerTimings;
      /** What ran the kernel: WebAssembly wherever it compiles, as on the server. */
      kernel: KernelBackend;
    }
  | { id: number; ok: false; issues: CaseIssue[]; timings: WorkerTimings }
  | { id: number; ok: false; error: string; issues?: undefined; timings: WorkerTimings };
