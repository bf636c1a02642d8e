export { resolveSettings, type CaseWithSettings, type ResolvedSettings, type RunRequest } from './resolve-settings.ts';
export { IN_THREAD, runCase, type CaseRun, type RunCaseOptions, type RunControl, type SimulationHost } from './run-case.ts';
export { resolvePrecisionTarget } from './resolve-precision.ts';
