import type { StorageKind } from '../helpers/test-app.ts';

/** One storage mode of the reliability suite, and whether it runs here. */
export interface ReliabilityStore {
  kind: StorageKind;
  /** True when the store is not available on this machine: the tests show as skipped, never vanish. */
  skip: boolean;
  /** The describe title, carrying the reason when skipped. */
  title: string;
}

/**
 * PGlite always; PostgreSQL when TEST_DATABASE_URL is set, otherwise listed as skipped with
 * the reason, so a run without it says what it did not cover.
 *
 * @example
 * for (const store of RELIABILITY_STORES) describe.skipIf(store.skip)(`fuzz on ${store.title}`, () => { ... });
 */
export const RELIABILITY_STORES: ReliabilityStore[] = [
  { kind: 'pglite', skip: false, title: 'pglite' },
  process.env.TEST_DATABASE_URL
    ? { kind: 'postgres', skip: false, title: 'postgres' }
    : { kind: 'postgres', skip: true, title: 'postgres (skipped: set TEST_DATABASE_URL)' },
];
