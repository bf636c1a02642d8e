#!/usr/bin/env node
// The published bin runs the bundled CLI (api/dist/valuegate.mjs), plain JavaScript built by
// `npm install` (the prepare script), so a call costs a Node start, not a TypeScript compile.
// In a checkout whose sources are newer than the bundle, it rebuilds the bundle first (~1 s).
import { pathToFileURL } from 'node:url';
import { freshBundle } from '../build/fresh-bundle.js';

const bundle = freshBundle('valuegate');
const { runCli, useTableCache } = await import(pathToFileURL(bundle).href);
// Quantile tables built by earlier calls are read back from a cache folder (docs/cli.md).
useTableCache(bundle);
process.exitCode = await runCli(process.argv.slice(2));
