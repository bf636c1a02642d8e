import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../models/engine/summarize-run.ts';
import type { RunningServer } from '../../api/server/start-server.ts';
import type { SimulationResponse } from '../../web/src/workers/simulation-protocol.ts';
import { hasChromium, launchChromium } from './helpers/browser.ts';
import { REPO_ROOT, startTestServer } from './helpers/test-server.ts';

const CASES = [
  { fixture: 'contact-center-assistant.json', trials: 10_000, seed: 7, sampling: 'lhs' as const },
  { fixture: 'document-processing.json', trials: 12_345, seed: 2024, sampling: 'mc' as const },
];

/** Math functions the engine may use, probed on the same arguments in the page and in Node. */
const MATH_PROBE = `(() => {
  const names = ['log', 'exp', 'pow', 'log1p', 'expm1', 'sqrt', 'log10', 'log2', 'atan', 'sin', 'cos', 'cbrt'];
  const out = {};
  for (const name of names) {
    const values = [];
    for (let i = 1; i <= 2000; i++) {
      const x = i / 997;
      values.push(name === 'pow' ? Math.pow(x, 1 / (i % 13 + 1.5)) : name === 'exp' ? Math.exp(x * 7 - 7) : Math[name](x));
    }
    out[name] = values;
  }
  return out;
})()`;

async function differingMathFunctions(page: Page): Promise<string[]> {
  const inPage = (await page.evaluate(MATH_PROBE)) as Record<string, number[]>;
  const inNode = (0, eval)(MATH_PROBE) as Record<string, number[]>;
  return Object.keys(inNode).filter((name) => inNode[name].some((value, i) => !Object.is(value, inPage[name][i])));
}

/**
 * Same case, same seed, same trials: the browser's Web Worker and the server give the
 * same numbers, bit for bit (compared with ===, not within a tolerance).
 */
describe.skipIf(!hasChromium)('browser worker and server agree bit for bit', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ seed: false }), launchChromium()]);
    page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => Boolean(window.valuegate));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const { fixture, trials, seed, sampling } of CASES) {
    it(`${fixture}: ${trials} trials, seed ${seed}, ${sampling}`, async () => {
      const document = JSON.parse(readFileSync(`${REPO_ROOT}fixtures/${fixture}`, 'utf8'));
      const created = await fetch(`${server.url}/api/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(document),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const runResponse = await fetch(`${server.url}/api/cases/${id}/runs?wait=true`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ trials, seed, sampling }),
      });
      expect(runResponse.status).toBe(201);
      const run = (await runResponse.json()) as { status: string; summary: RunSummary };
      expect(run.status).toBe('succeeded');
      const server_ = run.summary;

      const response = (await page.evaluate(
        ([doc, settings]) => window.valuegate!.simulate(doc, settings as { trials: number; seed: number; sampling: 'mc' | 'lhs' }),
        [document, { trials, seed, sampling }] as const,
      )) as SimulationResponse;
      if (!response.ok) throw new Error(`browser run failed: ${JSON.stringify(response)}`);
      // The browser's worker runs the kernel as WebAssembly, as the server does.
      expect(response.kernel).toBe('wasm');
      const browser_ = response.summary;

      expect(browser_.trials).toBe(server_.trials);
      expect(browser_.engineVersion).toBe(server_.engineVersion);
      // Object.is: the same double, bit for bit; every field is checked before reporting.
      const mismatches: string[] = [];
      const same = (label: string, a: unknown, b: unknown): void => {
        if (!Object.is(a, b) && JSON.stringify(a) !== JSON.stringify(b))
          mismatches.push(`${label}: browser ${JSON.stringify(a)} vs server ${JSON.stringify(b)}`);
      };
      for (const output of ['npv', 'roi', 'pvBenefits', 'pvCosts', 'totalCosts', 'totalBenefits']) {
        const a = browser_.outputs[output];
        const b = server_.outputs[output];
        same(`${output} mean`, a.mean, b.mean);
        same(`${output} sd`, a.sd, b.sd);
        same(`${output} standard error`, a.standardError, b.standardError);
        for (const key of ['p5', 'p10', 'p50', 'p90', 'p95'] as const) same(`${output} ${key}`, a.percentiles[key], b.percentiles[key]);
        same(`${output} P(>0)`, a.probabilityPositive.value, b.probabilityPositive.value);
      }
      same('npv histogram', browser_.outputs.npv.histogram, server_.outputs.npv.histogram);
      same('cash-flow fan p50', browser_.cashFlowFan.p50, server_.cashFlowFan.p50);
      same(
        'cost by category',
        browser_.costByCategory.map((row) => row.meanTotal),
        server_.costByCategory.map((row) => row.meanTotal),
      );
      if (mismatches.length) {
        throw new Error(
          `${mismatches.length} figures differ between the browser and the server:\n  ${mismatches.slice(0, 8).join('\n  ')}\n` +
            `Math functions whose results differ between this Chromium and this Node: ${(await differingMathFunctions(page)).join(', ') || 'none'}`,
        );
      }
      console.log(
        `${fixture}: browser NPV mean ${browser_.outputs.npv.mean} === server ${server_.outputs.npv.mean}; P50 ${browser_.outputs.npv.percentiles.p50} === ${server_.outputs.npv.percentiles.p50}`,
      );
    });
  }
});
