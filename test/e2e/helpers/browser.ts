import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer, type Download, type Page } from 'playwright-core';
import { REPO_ROOT } from './test-server.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = `${REPO_ROOT}test-artifacts/screenshots`;
export const DOCS_SCREENSHOT_DIR = `${REPO_ROOT}docs/screenshots`;
/**
 * The README's pictures are tracked files, so tests leave them alone; `npm run screenshots`
 * sets this to refresh them on purpose.
 */
export const WRITE_DOCS_SCREENSHOTS = process.env.VALUEGATE_DOCS_SCREENSHOTS === '1';

/** Whether Debian's Chromium is installed (CI installs it with apt-get). */
export const hasChromium = existsSync(CHROMIUM_PATH);

/** The flags that keep headless Chromium quiet and offline. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Names the WebSocket endpoint of the Chromium that the e2e project's global setup shares with its files. */
export const SHARED_CHROMIUM_ENV = 'VALUEGATE_CHROMIUM_ENDPOINT';

/**
 * Headless Chromium: a connection to the e2e run's shared browser when its global setup started one
 * (test/e2e/helpers/shared-chromium.ts), else a browser of its own. A launch costs about 3 s of CPU;
 * each connection's pages and contexts are its own (separate storage), and `close()` on a connection
 * closes only them.
 *
 * @example
 * const browser = await launchChromium();
 * const page = await browser.newPage();
 */
export function launchChromium(): Promise<Browser> {
  const endpoint = process.env[SHARED_CHROMIUM_ENV];
  if (endpoint) return chromium.connect(endpoint);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * Starts one headless Chromium that test files connect to by its WebSocket endpoint.
 *
 * @example
 * const server = await launchChromiumServer();
 * process.env[SHARED_CHROMIUM_ENV] = server.wsEndpoint();
 */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * The bytes of a finished download. `download.path()` throws on a connection to a shared browser;
 * the stream works on both.
 *
 * @example
 * const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
 * const bytes = await downloadedBytes(download);
 */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Collects page errors and failed API calls, so a test can assert the page stayed healthy. */
export function watchPage(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return { errors };
}

/**
 * Saves the page (whole, unless `fullPage: false`) to test-artifacts/screenshots/<name>.png and, with `docs`, the
 * viewport (1280×800, a small PNG) to test-artifacts/screenshots/docs/<name>.png, or to docs/screenshots/<name>.png
 * for the README when `npm run screenshots` asked for it (VALUEGATE_DOCS_SCREENSHOTS=1).
 */
export async function screenshot(page: Page, name: string, options: { docs?: boolean; fullPage?: boolean } = {}): Promise<void> {
  // A page we photograph must not carry a failed chart.
  const chartErrors = await page.locator('.chart-error').allTextContents();
  if (chartErrors.length) throw new Error(`${name}: ${chartErrors.join('; ')}`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const fullPage = options.fullPage ?? true;
  // A whole-page picture taken while scrolled would show the sticky header mid-page.
  const scrollY = await page.evaluate(() => window.scrollY);
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage });
  if (fullPage) await page.evaluate((y) => window.scrollTo(0, y), scrollY);
  if (options.docs) {
    const dir = WRITE_DOCS_SCREENSHOTS ? DOCS_SCREENSHOT_DIR : `${SCREENSHOT_DIR}/docs`;
    mkdirSync(dir, { recursive: true });
    // README pictures: the viewport only, so each PNG stays small.
    await page.screenshot({ path: `${dir}/${name}.png`, fullPage: false });
  }
}
