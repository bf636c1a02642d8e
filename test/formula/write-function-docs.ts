// Writes docs/formula-functions.md from the function table: `npm run docs:functions`.
import { writeFileSync } from 'node:fs';
import { renderFunctionDocs } from '../../models/formula/function-docs.ts';

writeFileSync(new URL('../../docs/formula-functions.md', import.meta.url), renderFunctionDocs());
console.log('wrote docs/formula-functions.md');
