// `npm install` / `npm ci` run this (the `prepare` script): it bundles the server and the CLI into api/dist
// and builds the web app into web/dist, so the `valuegate` bin and the first `npm start` run plain JavaScript
// at once instead of compiling at every call. Usage:
//   tsx api/build/prepare.ts
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle.ts';
import { runViteBuild, webBuildIsFresh } from '../server/ensure-web-build.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const say = (line: string): void => void process.stderr.write(`valuegate: ${line}\n`);

let started = Date.now();
say('bundling the server and the CLI into api/dist…');
await bundle();
say(`bundled in ${((Date.now() - started) / 1000).toFixed(1)} s`);

if (process.env.VALUEGATE_SKIP_WEB_BUILD === '1') {
  say('VALUEGATE_SKIP_WEB_BUILD=1: not building the web app');
} else if (webBuildIsFresh(root)) {
  say('the web app in web/dist is up to date');
} else {
  started = Date.now();
  say('building the web app into web/dist (10-45 s, once)…');
  const { status, output } = await runViteBuild(root);
  if (status !== 0) {
    process.stderr.write(output);
    say('the web app build failed (output above); `npm start` will try again');
  } else {
    say(`built the web app in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
