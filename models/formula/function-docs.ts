import { FUNCTION_NAMES, FUNCTION_REGISTRY } from './function-registry.ts';
import { MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH, MAX_FORMULA_NESTING } from './formula-limits.ts';
import { CONSTANT_NAMES, TIME_NAMES } from './functions.ts';

const escapeCell = (text: string): string => text.replaceAll('|', '\\|');

/**
 * docs/formula-functions.md, rendered from the function table: what `npm run docs:functions`
 * writes and a test compares with the file.
 *
 * @example
 * renderFunctionDocs().startsWith('# Formula functions') // true
 */
export function renderFunctionDocs(): string {
  const lines = [
    '# Formula functions',
    '',
    '<!-- Generated from models/formula/function-registry.ts by `npm run docs:functions`; do not edit by hand. -->',
    '',
    'Every function a formula may call. Each gives the same bits in Node and in the browser (the JavaScript and',
    'WebAssembly kernels), and the point estimate evaluates it in exact decimal arithmetic. Functions marked',
    '"by month" vary with the month even when their arguments do not, so they cannot be used in adoption',
    'parameters, pilot scalars or metrics.',
    '',
    '| Function | Arguments | What it gives | By month |',
    '|---|---|---|---|',
  ];
  for (const name of FUNCTION_NAMES) {
    const spec = FUNCTION_REGISTRY[name];
    const count = spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : spec.maxArgs === Infinity ? `${spec.minArgs} or more` : `${spec.minArgs}–${spec.maxArgs}`;
    lines.push(`| \`${escapeCell(spec.signature)}\` | ${count} | ${escapeCell(spec.doc)} | ${spec.variesByMonth ? 'yes' : ''} |`);
  }
  lines.push('', '## Names', '', '| Name | Meaning | By month |', '|---|---|---|');
  for (const [name, doc] of Object.entries(TIME_NAMES)) lines.push(`| \`${name}\` | ${escapeCell(doc)} | yes |`);
  for (const [name, doc] of Object.entries(CONSTANT_NAMES)) lines.push(`| \`${name}\` | ${escapeCell(doc)} | |`);
  lines.push(
    '',
    '## Limits',
    '',
    `- A formula is at most ${MAX_FORMULA_LENGTH.toLocaleString('en-US')} characters.`,
    `- Brackets and prefix signs (\`-\`, \`+\`, \`!\`, \`not\`) nest at most ${MAX_FORMULA_NESTING} deep, counted before parsing.`,
    `- The parsed formula is at most ${MAX_FORMULA_DEPTH} operations deep (e.g. a sum of ${MAX_FORMULA_DEPTH} terms); split longer ones into variables.`,
    '- `sin`, `cos` and `tan` are NaN for |x| ≥ 2^20·π/2 ≈ 1,647,099 (the exact Cody–Waite reduction ends there).',
    '',
  );
  return lines.join('\n');
}
