import { cleanup } from '@solidjs/testing-library';
import { afterAll, vi } from 'vitest';
import { setApiOrigin, setToken } from '../../web/src/lib/api.ts';
import { resetSharedCalibration } from '../../web/src/lib/calibration-api.ts';
import { resetSharedPortfolioRules } from '../../web/src/lib/portfolio-rules-api.ts';
import { resetRoute } from '../../web/src/lib/router.ts';
import { setSettings } from '../../web/src/stores/governance-settings.ts';
import { resetMe } from '../../web/src/stores/me-store.ts';

/**
 * Setup of every web test file. The files share their worker's window and module cache (isolate:
 * false: a fresh jsdom and module graph per file cost about 1.3 s of CPU each), so each starts here
 * from what a page load gives a file of its own: nothing rendered, no stubbed globals, empty storage,
 * no hash, no token, and the app's shared state (who the user is, the governance settings, the
 * portfolio's rules, the calibration) unread or, where the page could not read it, null.
 */
cleanup();
vi.unstubAllGlobals();
vi.useRealTimers();
localStorage.clear();
sessionStorage.clear();
setToken(null);
setApiOrigin('');
resetRoute();
resetMe();
setSettings(null);
resetSharedPortfolioRules();
resetSharedCalibration();

afterAll(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
