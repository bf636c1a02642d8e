import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that take longest, started first so that the run does not end waiting on one of them
 * (vitest's own order, by file size on a fresh clone, starts these small-but-slow files last).
 */
const SLOW_FIRST = [
  'test/reliability/openapi-fuzz-pglite.test.ts',
  'test/reliability/openapi-fuzz-postgres.test.ts',
  'test/reliability/kill-restart-pglite.test.ts',
  'test/reliability/kill-restart-postgres.test.ts',
  'test/queue/queue-mode.test.ts',
  'test/queue/queue-kill.test.ts',
  'test/queue/analysis-shards.test.ts',
  'test/e2e/journey.test.ts',
  'test/api/service.test.ts',
  'test/e2e/bit-identical.test.ts',
  'test/e2e/conflict.test.ts',
  'test/reliability/if-match-writers.test.ts',
  'test/api/csv-streaming.test.ts',
  'test/api/seed-post-launch.test.ts',
  'test/e2e/actuals.test.ts',
  'test/api/cases.test.ts',
  'test/api/runs.test.ts',
  'test/e2e/editor-fields.test.ts',
  'test/e2e/authoring-journey.test.ts',
  'test/api/named-versions.test.ts',
  'test/e2e/variants.test.ts',
  'test/e2e/new-case.test.ts',
  'test/e2e/business-case.test.ts',
  'test/api/business-case-docx.test.ts',
];

/**
 * Projects in the order their files start. A worker process is reused for the next file only when that
 * file is of the same project (the node, e2e and web projects share their module cache between files);
 * slow files of different projects interleaved made vitest stop and start workers, 6 more node and 3 more
 * e2e processes in a run, each importing the app again.
 */
const PROJECT_ORDER = ['node', 'e2e', 'web'];

/**
 * Vitest's order, grouped by project, with each project's known slow files moved to its front in the
 * order listed.
 *
 * @example
 * defineConfig({ test: { sequence: { sequencer: SlowFirstSequencer } } });
 */
export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification): number => {
      const index = SLOW_FIRST.findIndex((path) => spec.moduleId.endsWith(path));
      return index === -1 ? SLOW_FIRST.length : index;
    };
    const project = (spec: TestSpecification): number => {
      const index = PROJECT_ORDER.indexOf(spec.project.name);
      return index === -1 ? PROJECT_ORDER.length : index;
    };
    return sorted
      .map((spec, order) => ({ spec, order }))
      .sort((a, b) => project(a.spec) - project(b.spec) || rank(a.spec) - rank(b.spec) || a.order - b.order)
      .map((entry) => entry.spec);
  }
}
