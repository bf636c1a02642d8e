// `npm start`: the bundled server (api/dist/server.mjs), rebuilt only when api/ or models/ changed.
import { pathToFileURL } from 'node:url';
import { freshBundle } from './fresh-bundle.js';

await import(pathToFileURL(freshBundle('server')).href);
