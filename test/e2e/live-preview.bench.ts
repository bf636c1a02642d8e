/**
 * Live-preview benchmark: how long from an edit in the case editor to the updated chart
 * on screen, in real Chromium against the real server. Each edit changes an input's range;
 * the app measures edit → chart drawn (next animation frame) and exposes it on the live
 * panel, with the worker's own timings. Prints median and p90 over the edits.
 *
 * Run: npx tsx test/e2e/live-preview.bench.ts   (builds web/ when web/dist is missing)
 */
import { launchChromium } from './helpers/browser.ts';
import { startTestServer } from './helpers/test-server.ts';

const EDITS = Number(process.env.EDITS ?? 20);
const WARM_UP = 3;

const server = await startTestServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const { items } = (await (await fetch(`${server.url}/api/cases`)).json()) as { items: { id: string; name: string }[] };
  const target = items.find((item) => item.name.includes('reply-drafting')) ?? items[0];
  await page.goto(`${server.url}/#/cases/${target.id}/edit`);
  const panel = page.locator('[data-testid=live-panel]');
  await page.locator('[data-testid=live-panel][data-revision="0"]').waitFor({ timeout: 60_000 });
  const card = page.locator('details[data-input="minutesSavedPerContact"]');
  await card.locator(':scope > summary').click();
  const maximum = card.getByLabel('Maximum', { exact: true });

  const latencies: number[] = [];
  const engine: number[] = [];
  for (let i = 0; i < EDITS + WARM_UP; i++) {
    const revision = Number(await panel.getAttribute('data-revision'));
    await maximum.fill((2 + ((i % 7) + 1) * 0.25).toString());
    await page.waitForFunction(
      (previous) => {
        const element = document.querySelector('[data-testid=live-panel]');
        return Number(element?.getAttribute('data-revision')) > previous && element?.getAttribute('data-latency-ms') !== '';
      },
      revision,
      { timeout: 30_000 },
    );
    // The latency is set one animation frame after the chart is drawn.
    await page.waitForTimeout(50);
    const latency = Number(await panel.getAttribute('data-latency-ms'));
    const engineMs = await panel.locator('.run-footnote').textContent();
    if (i >= WARM_UP) {
      latencies.push(latency);
      const match = engineMs?.match(/engine (\d+) ms/);
      if (match) engine.push(Number(match[1]));
    }
    // Let autosave and idle work settle between edits, as between a person's edits.
    await page.waitForTimeout(250);
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const quantile = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(`live preview, ${latencies.length} edits of "${target.name}" (10,000 trials each, after ${WARM_UP} warm-up edits)`);
  console.log(
    `edit → chart on screen: median ${median(latencies).toFixed(0)} ms, p90 ${quantile(0.9).toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`,
  );
  if (engine.length) console.log(`of which the worker engine (validate + simulate + summarise): median ${median(engine)} ms`);
} finally {
  await browser.close();
  await server.close();
}
