import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as dm from '../../models/math/deterministic-math.ts';
import { DETERMINISTIC_FUNCTIONS, DETERMINISTIC_JS, type DeterministicName } from '../../models/math/deterministic-functions.ts';
import { defineExpAndLog } from '../../models/wasm/deterministic-math-wasm.ts';
import { defineScalarFunction } from '../../models/wasm/scalar-ops-wasm.ts';
import { call } from '../../models/wasm/wasm-expr.ts';
import { FunctionBuilder } from '../../models/wasm/wasm-function.ts';
import { WasmModule } from '../../models/wasm/wasm-module.ts';
import { mulberry32 } from '../helpers/mulberry32.ts';

/*
 * The deterministic functions give the same bits in Chromium as in Node: their
 * JavaScript forms (bundled as the web app bundles them) and their WebAssembly forms,
 * on random bit patterns and business-sized arguments. Skipped without Chromium.
 */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function points(): number[] {
  const random = mulberry32(99);
  const words = new Uint32Array(2);
  const values: number[] = [0, -0, NaN, Infinity, -Infinity, 0.5, 1, -1, 1e-310];
  for (let i = 0; i < 3000; i++) {
    words[0] = Math.floor(random() * 2 ** 32);
    words[1] = Math.floor(random() * 2 ** 32);
    values.push(new Float64Array(words.buffer)[0]);
    values.push((random() - 0.5) * 50, random());
  }
  return values;
}

function wasmBytes(): Uint8Array {
  const module = new WasmModule(1);
  const math = defineExpAndLog(module, 0);
  for (const [name, { body, arity }] of Object.entries(DETERMINISTIC_FUNCTIONS)) {
    const index = defineScalarFunction(module, body, arity, math, 0);
    const fn = new FunctionBuilder(arity === 1 ? ['f64'] : ['f64', 'f64'], 'f64');
    fn.return(call(index, arity === 1 ? [fn.param(0)] : [fn.param(0), fn.param(1)], 'f64'));
    module.define(fn.definition(name));
  }
  return module.encode();
}

/** Every function on every point (pairs for two arguments), as the bits of a Float64Array, in hex. */
const RUN_ALL = `(forms, names, arities, xs) => {
  const out = new Float64Array(names.length * xs.length);
  names.forEach((name, f) => {
    for (let i = 0; i < xs.length; i++) out[f * xs.length + i] = arities[f] === 2 ? forms[name](xs[i], xs[(i * 7 + 1) % xs.length]) : forms[name](xs[i]);
  });
  return Array.from(new Uint32Array(out.buffer), (w) => w.toString(16)).join(',');
}`;

describe.skipIf(!existsSync(CHROMIUM_PATH))('deterministic functions in Chromium', () => {
  it('give Node’s bits, in JavaScript and in WebAssembly', async () => {
    const names = Object.keys(DETERMINISTIC_FUNCTIONS) as DeterministicName[];
    const arities = names.map((name) => DETERMINISTIC_FUNCTIONS[name].arity);
    const xs = points();
    const runAll = (0, eval)(RUN_ALL) as (forms: Record<string, (...a: number[]) => number>, n: string[], a: number[], x: number[]) => string;
    const inNode = runAll(DETERMINISTIC_JS, names, arities, xs);
    const bundle = await build({
      stdin: {
        contents: `import { DETERMINISTIC_JS } from './models/math/deterministic-functions.ts'; globalThis.DETERMINISTIC_JS = DETERMINISTIC_JS;`,
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      write: false,
      target: 'es2022',
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.addScriptTag({ content: bundle.outputFiles[0].text });
      const xsBits = Array.from(new Uint32Array(Float64Array.from(xs).buffer));
      const [jsInPage, wasmInPage] = await page.evaluate(
        async ([source, bytes, names, arities, bits]) => {
          const xs = Array.from(new Float64Array(Uint32Array.from(bits).buffer));
          const runAll = (0, eval)(source);
          const js = runAll((globalThis as unknown as { DETERMINISTIC_JS: unknown }).DETERMINISTIC_JS, names, arities, xs);
          const { instance } = await WebAssembly.instantiate(Uint8Array.from(bytes));
          const exports = instance.exports as Record<string, unknown> & { memory: WebAssembly.Memory };
          const table = new Float64Array(exports.memory.buffer, 0, 2048);
          table[1024] = 1;
          for (let k = 1; k <= 1023; k++) table[1024 + k] = table[1023 + k] * 2;
          for (let k = -1; k >= -1024; k--) table[1024 + k] = table[1025 + k] / 2;
          return [js, runAll(exports, names, arities, xs)];
        },
        [RUN_ALL, Array.from(wasmBytes()), names, arities, xsBits] as const,
      );
      expect(inNode.split(',')).toHaveLength(names.length * xs.length * 2);
      expect(jsInPage === inNode).toBe(true);
      expect(wasmInPage === inNode).toBe(true);
      // The table the page built is the engine's.
      expect(dm.POWERS_OF_TWO[1024 + 10]).toBe(1024);
    } finally {
      await browser.close();
    }
  });
});
