// Bundles the server, CLI, worker threads and the simulation benchmark into plain
// JavaScript in api/dist/, so they run on Node without the TypeScript loader: a
// loader costs ~140 MB of memory per process and slows start-up. Usage:
//   tsx api/build/bundle.ts
import { build, type BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** Entry points, by output name (api/dist/<name>.mjs). */
export const BUNDLE_ENTRIES = {
  server: 'api/server/main.ts',
  valuegate: 'api/cli/main.ts',
  // The one worker pool's thread (api/workers/worker-pool.ts loads it by URL beside the bundle).
  'pool-worker': 'api/workers/pool-worker.ts',
  'measure-simulation': 'test/bench/measure-simulation.ts',
  'hand-written-reference': 'test/bench/hand-written-reference.ts',
} as const;

/** Packages that load files beside themselves (WebAssembly, assets) or use dynamic requires stay in node_modules. */
// pg-boss stays external so the embedded default never loads it (api/queue imports it only in queue mode).
const EXTERNAL = [
  '@electric-sql/pglite',
  'pg',
  'pg-boss',
  'exceljs',
  'swagger-ui-dist',
  'vite',
  'esbuild',
  'tsx',
  'playwright-core',
  'docx',
  '@resvg/resvg-js',
];

/**
 * Builds every bundle into api/dist.
 *
 * @example
 * await bundle();
 */
export async function bundle(outdir = fileURLToPath(new URL('../dist/', import.meta.url))): Promise<void> {
  await build({ ...bundleOptions(outdir), entryPoints: BUNDLE_ENTRIES });
}

/**
 * The esbuild options every bundle is built with, into `outdir` (the test suite builds the
 * worker thread alone with them).
 *
 * @example
 * await build({ ...bundleOptions('/tmp/out/'), entryPoints: { 'pool-worker': BUNDLE_ENTRIES['pool-worker'] } });
 */
export function bundleOptions(outdir: string): BuildOptions {
  return {
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    // CommonJS dependencies inside an ES module bundle still call require.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await bundle();
