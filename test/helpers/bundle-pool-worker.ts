import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE_ENTRIES, bundleOptions } from '../../api/build/bundle.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Global setup of every test project: bundles the worker pool's thread from the current
 * sources into test-artifacts/, once per `vitest run`, and names it in VALUEGATE_POOL_WORKER
 * (read by api/workers/worker-pool.ts). A thread that loads the TypeScript sources through
 * tsx instead spends ~1.5 s of CPU starting, and the suite starts some hundreds of them.
 *
 * @example
 * // vitest.config.ts
 * test: { globalSetup: ['test/helpers/bundle-pool-worker.ts'] }
 */
export default async function bundlePoolWorker(): Promise<void> {
  const outdir = `${root}test-artifacts/bundles/`;
  await build({ ...bundleOptions(outdir), entryPoints: { 'pool-worker': BUNDLE_ENTRIES['pool-worker'] } });
  process.env.VALUEGATE_POOL_WORKER = `${outdir}pool-worker.mjs`;
}
