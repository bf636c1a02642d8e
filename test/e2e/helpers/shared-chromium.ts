import { hasChromium, launchChromiumServer, SHARED_CHROMIUM_ENV } from './browser.ts';

/**
 * Global setup of the e2e project: one headless Chromium for the whole run instead of one per test
 * file (a launch and shutdown cost about 3 s of CPU on a 2-core machine). Files connect to it through
 * launchChromium(); each works in browser contexts of its own, which share no cookies or storage.
 * Closed when the run ends.
 *
 * @example
 * // vitest.config.ts, the e2e project
 * test: { globalSetup: ['test/e2e/helpers/shared-chromium.ts'] }
 */
export default async function startSharedChromium(): Promise<(() => Promise<void>) | undefined> {
  if (!hasChromium) return undefined;
  const server = await launchChromiumServer();
  process.env[SHARED_CHROMIUM_ENV] = server.wsEndpoint();
  return async () => {
    delete process.env[SHARED_CHROMIUM_ENV];
    await server.close();
  };
}
