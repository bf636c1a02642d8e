import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { SlowFirstSequencer } from './test/helpers/slow-first-sequencer.ts';

export default defineConfig({
  test: {
    // Three files at a time on 2 cores (vitest's default would be one): much of the suite's wall time
    // is waiting on servers, PostgreSQL, Chromium and child processes. Measured on 2 cores: 1 worker
    // 448 s, 2 workers 311 s, 3 workers 286 s, every timing assertion (health p99 under CSV load) passing.
    maxWorkers: 3,
    sequence: { sequencer: SlowFirstSequencer },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
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
        },
      },
      {
        // The real browser journey: builds web/, starts the API, drives Chromium.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/helpers/build-web.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
