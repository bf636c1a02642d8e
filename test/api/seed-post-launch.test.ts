import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPostLaunch } from '../../api/server/seed-post-launch.ts';
import { migratedPgliteImage } from '../helpers/pglite-image.ts';
import { buildTestApp } from '../helpers/test-app.ts';
import { minimalCase } from '../helpers/minimal-case.ts';
import type { ActualsReport, PortfolioResource } from '../../models/contract/resources.ts';
import type { CalibrationResource } from '../../models/contract/calibration-resources.ts';
import { DEFAULT_CONFIG, type ServiceConfig } from '../../api/server/config.ts';
import { startServer, type RunningServer } from '../../api/server/start-server.ts';

const config = (seedFixtures: boolean): ServiceConfig => ({
  ...DEFAULT_CONFIG,
  port: 0,
  authDisabled: true,
  seedFixtures,
  workers: 2,
  maxConcurrentJobs: 2,
  // The threads' warm-up simulation is for a first request's latency, which no test here measures.
  warmUpThreads: false,
});
const fixturesDir = new URL('../../fixtures/', import.meta.url);

describe('seeding the post-launch fixtures', () => {
  let server: RunningServer;
  let portfolio: PortfolioResource;

  beforeAll(async () => {
    server = await startServer(config(true), { log: () => undefined, fixturesDir, inMemory: true, image: await migratedPgliteImage() });
    await server.seeded;
    portfolio = (await (await fetch(`${server.url}/api/portfolio?trials=200`)).json()) as PortfolioResource;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('opens on a portfolio where every board question has at least one case', () => {
    const { boardQuestions } = portfolio;
    for (const key of ['passedGates', 'stoppedForGoodReasons', 'measuredPostLaunchValue', 'durableProcessChange'] as const) {
      expect(boardQuestions[key].count, key).toBeGreaterThanOrEqual(1);
      expect(boardQuestions[key].caseIds).toHaveLength(boardQuestions[key].count);
    }
    expect(portfolio.cases).toBe(6); // the five cases of fixtures/*.json and the scaled case of fixtures/post-launch/
  });

  it('has the scaled case with 9 months of actuals, one series re-gated below its forecast and a durable KPI', async () => {
    const scaled = portfolio.items.find((item) => item.latestDecision?.decision === 'scale')!;
    expect(portfolio.boardQuestions.durableProcessChange.caseIds).toContain(scaled.id);
    const report = (await (await fetch(`${server.url}/api/cases/${scaled.id}/actuals`)).json()) as ActualsReport;
    const months = new Set(report.series.flatMap((series) => series.observations.map((o) => o.month)));
    expect(months.size).toBe(9);
    const clerk = report.series.find((series) => series.id === 'benefit:clerkTime')!;
    expect(clerk.regate.flagged).toBe(true);
    expect(clerk.observations.filter((o) => clerk.regate.months.includes(o.month)).every((o) => (o.pit ?? 1) < 0.1)).toBe(true);
    expect(report.durable.find((d) => d.metric === 'minutesPerDoc')?.durable).toBe(true);
  });

  it('has a calibration record: past-pilot ranges resolved by evidence, and the scaled case’s volume range by its actuals', async () => {
    const calibration = (await (await fetch(`${server.url}/api/calibration`)).json()) as CalibrationResource;
    expect(calibration.estimators.map((e) => [e.estimator, e.n, e.hits])).toEqual([
      ['Ana Ruiz', 6, 3],
      ['Ben Okafor', 5, 4],
      ['James Patel', 1, 1],
    ]);
    const [ana] = calibration.estimators;
    expect(ana.wideningFactor).toBeGreaterThan(2);
    const volume = calibration.estimators[2].ranges[0];
    expect(volume).toMatchObject({ input: 'docsPerMonth', inside: true, resolution: { by: 'actuals', n: 9 } });
    expect(volume.resolution.value).toBeCloseTo((61200 + 59800 + 63500 + 60100 + 57900 + 62400 + 64800 + 61700 + 60300) / 9, 6);
  });

  it('has a stop with a reason, backed by the gate, with the production cost it avoided', () => {
    const [stopped] = portfolio.stopped;
    expect(stopped).toMatchObject({ reasonCategory: 'economics', goodReason: true, currency: 'USD' });
    expect(stopped.costAvoided).toBeGreaterThan(0);
  });
});

describe('VALUEGATE_SEED_FIXTURES=false', () => {
  it('starts on an empty portfolio', async () => {
    const server = await startServer(config(false), {
      log: () => undefined,
      fixturesDir,
      inMemory: true,
      image: await migratedPgliteImage(),
    });
    try {
      const portfolio = (await (await fetch(`${server.url}/api/portfolio`)).json()) as PortfolioResource;
      expect(portfolio.cases).toBe(0);
      expect(portfolio.boardQuestions.passedGates).toEqual({ count: 0, caseIds: [] });
    } finally {
      await server.close();
    }
  });
});

describe('a post-launch fixture that cannot be applied', () => {
  it('is skipped with its reason, and the others are applied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'valuegate-fixtures-'));
    mkdirSync(join(dir, 'post-launch'));
    const plan = (body: object) => JSON.stringify({ run: { trials: 200, seed: 1 }, ...body });
    writeFileSync(join(dir, 'post-launch', 'a-missing.json'), plan({ caseName: 'No such case' }));
    writeFileSync(
      join(dir, 'post-launch', 'b-future.json'),
      plan({ case: minimalCase({ name: 'Future actuals' }), actuals: [{ month: '2099-01', series: 'net', value: 1 }] }),
    );
    writeFileSync(
      join(dir, 'post-launch', 'c-scaled.json'),
      plan({ case: minimalCase({ name: 'Scaled' }), decisions: [{ decision: 'scale', rationale: 'ok' }] }),
    );
    const t = await buildTestApp('pglite', {}, () => new Date('2027-06-15T00:00:00Z'));
    try {
      const result = await seedPostLaunch(t.services, pathToFileURL(`${dir}/`));
      expect(result.applied).toBe(1);
      expect(result.skipped).toEqual([
        'a-missing.json: post-launch fixture a-missing.json: no case named No such case',
        expect.stringMatching(/^b-future\.json: .*2099-01 is outside the case's 36 months from 2027-01/),
      ]);
      const portfolio = (await (await t.call('GET', '/api/portfolio?trials=200', { role: 'viewer' })).json()) as PortfolioResource;
      expect(portfolio.byDecision).toEqual({ scale: 1, none: 1 });
    } finally {
      await t.close();
    }
  });
});
