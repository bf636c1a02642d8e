import { ensureWebBuilt } from './test-server.ts';

/**
 * Global setup of the e2e project: builds web/ once, if it is stale, before any browser
 * test file starts, so the files share one build instead of racing for the build lock
 * inside their hook timeouts. Each file still starts its own in-memory server: the
 * journey counts and runs every seeded case, so a shared server would couple the files.
 */
export default async function buildWebOnce(): Promise<void> {
  await ensureWebBuilt();
}
