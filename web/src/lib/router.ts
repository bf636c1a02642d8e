import { createSignal, type Accessor } from 'solid-js';

/** A parsed hash route: `#/cases/abc/results?run=r1` → segments ['cases','abc','results'], query {run:'r1'}. */
export interface Route {
  segments: string[];
  query: URLSearchParams;
  path: string;
}

function parse(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart, queryPart = ''] = raw.split('?');
  const segments = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  return { segments, query: new URLSearchParams(queryPart), path: pathPart };
}

const [route, setRoute] = createSignal<Route>(parse(typeof location === 'undefined' ? '' : location.hash));
if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => setRoute(parse(location.hash)));
}

/** The current hash route. Hash routing keeps the server a plain static host for `/`. */
export const currentRoute: Accessor<Route> = route;

/**
 * Navigates to a hash path.
 *
 * @example
 * navigate('/cases/abc/gate');
 */
export function navigate(path: string): void {
  const hash = `#${path.startsWith('/') ? path : `/${path}`}`;
  if (location.hash === hash) setRoute(parse(hash));
  else location.hash = hash;
}

/**
 * Back to a page loaded without a hash (route `/`), at once and without a hashchange event (test files
 * that share one window start from here).
 *
 * @example
 * resetRoute();
 */
export function resetRoute(): void {
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  setRoute(parse(''));
}
