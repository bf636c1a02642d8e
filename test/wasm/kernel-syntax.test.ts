import { describe, expect, it } from 'vitest';
import { KernelCompileError } from '../../models/wasm/kernel-compile-error.ts';
import { KernelSyntaxError, parseKernelSource } from '../../models/wasm/kernel-syntax.ts';

describe('parseKernelSource', () => {
  it('parses declarations, loops, conditionals and calls with JavaScript’s precedence', () => {
    const [declare, loop] = parseKernelSource(
      'const h0 = 1 + x1 * 2 < 3 && !(m >= adS) ? Math.max(a, b) : -c[t];\nfor (let m = 1; m <= 48; m++) acc[m - 1] += h0;',
    );
    expect(declare).toEqual({
      kind: 'declare',
      constant: true,
      declarations: [
        {
          name: 'h0',
          init: {
            kind: 'conditional',
            test: {
              kind: 'binary',
              op: '&&',
              left: {
                kind: 'binary',
                op: '<',
                left: {
                  kind: 'binary',
                  op: '+',
                  left: { kind: 'number', value: 1, integer: true },
                  right: { kind: 'binary', op: '*', left: { kind: 'name', name: 'x1' }, right: { kind: 'number', value: 2, integer: true } },
                },
                right: { kind: 'number', value: 3, integer: true },
              },
              right: { kind: 'unary', op: '!', arg: { kind: 'binary', op: '>=', left: { kind: 'name', name: 'm' }, right: { kind: 'name', name: 'adS' } } },
            },
            then: {
              kind: 'call',
              callee: 'Math.max',
              args: [
                { kind: 'name', name: 'a' },
                { kind: 'name', name: 'b' },
              ],
            },
            otherwise: { kind: 'unary', op: '-', arg: { kind: 'index', array: 'c', index: { kind: 'name', name: 't' } } },
          },
        },
      ],
    });
    expect(loop.kind).toBe('for');
  });

  it('reads number literals exactly as JavaScript prints them', () => {
    for (const value of [0.006413420094677366, 1e-7, 1.5e21, 5e-324, 123456789]) {
      const [statement] = parseKernelSource(`const v = ${String(value)};`);
      expect(statement).toMatchObject({ declarations: [{ init: { kind: 'number', value } }] });
    }
  });

  it('names the offset and shows the source of anything outside the subset', () => {
    for (const [source, problem] of [
      ['const a = b ** 2;', 'unexpected "*"'],
      ['while (x) { }', 'expected an assignment'],
      ['const s = `x`;', 'unexpected character "`"'],
    ] as const) {
      let caught: unknown;
      try {
        parseKernelSource(source);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(KernelSyntaxError);
      expect(caught).toBeInstanceOf(KernelCompileError);
      expect((caught as Error).message).toContain(problem);
      expect((caught as Error).message).toMatch(/at offset \d+: "/);
    }
  });
});
