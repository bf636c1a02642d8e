import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { SlowFirstSequencer } from './test/helpers/slow-first-sequencer.ts';

export default defineConfig({
  test: {
    // Three files at a time on 2 cores (vitest's default would be one): much of the suite's wall time
    // is waiting on servers, PostgreSQL, Chromium and child processes. Measured on a 2-core clean clone:
    // about 450 s with one worker, 311 s with two, 286-302 s with three, and 244 s with three and the
    // node project's files sharing their worker's module cache (isolate: false below).
    maxWorkers: 3,
    sequence: { sequencer: SlowFirstSequencer },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Worker threads load one bundled file instead of the TypeScript sources through tsx; in-memory
    // PGlite databases start from one image of a new cluster instead of an initdb each.
    globalSetup: ['test/helpers/bundle-pool-worker.ts', 'test/helpers/pglite-image.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          // Files share a worker's module cache: each file re-importing the engine, hono and PGlite cost
          // more CPU than the tests themselves on 2 cores. Tests build their own app and data.
          isolate: false,
          include: ['test/**/*.test.ts'],
          exclude: ['test/web/**', 'test/e2e/**'],
        },
      },
      {
        // The web app's components: Solid JSX in jsdom.
        extends: true,
        plugins: [solid()],
        resolve: { conditions: ['development', 'browser'] },
        test: {
          name: 'web',
          include: ['test/web/**/*.test.tsx', 'test/web/**/*.test.ts'],
          environment: 'jsdom',
          // Files share their worker's window and module cache (a fresh jsdom and module graph per file
          // cost more CPU than the tests); the setup file resets the app's shared state before each one.
          isolate: false,
          setupFiles: ['test/web/shared-window-setup.ts'],
        },
      },
      {
        // The real browser journey: builds web/, starts the API, drives Chromium.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Each file starts its own server and its own browser contexts; sharing the worker's module
          // cache saves importing the server and playwright again for every file (about 1.5 s of CPU).
          isolate: false,
          // One web build and one Chromium for the whole run, instead of a launch per file (about 3 s of CPU).
          globalSetup: ['test/e2e/helpers/build-web.ts', 'test/e2e/helpers/shared-chromium.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
