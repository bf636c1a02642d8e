import { KernelCompileError } from './kernel-compile-error.ts';

/*
 * The tokens of generated kernels (kernel-syntax.ts parses them): numbers, names,
 * double-quoted strings (the "use strict" directive) and the punctuation of the
 * kernel subset. Anything else is a KernelSyntaxError with its offset.
 */

/** Source outside the kernel subset, with where it was found. */
export class KernelSyntaxError extends KernelCompileError {
  constructor(
    readonly problem: string,
    readonly position: number,
    source: string,
  ) {
    super(`${problem} at offset ${position}: "${source.slice(Math.max(0, position - 30), position + 30).replace(/\s+/g, ' ')}"`);
    this.name = 'KernelSyntaxError';
  }
}

/** One token of a kernel source, with its offset in the source. */
export interface Token {
  kind: 'number' | 'name' | 'string' | 'punctuation';
  text: string;
  position: number;
}

const PUNCTUATION = [
  '===',
  '!==',
  '+=',
  '-=',
  '*=',
  '++',
  '<=',
  '>=',
  '&&',
  '||',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  ';',
  ',',
  '.',
  '=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '!',
  '?',
  ':',
  '|',
];
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_$][\w$]*/y;
const STRING = /"[^"\\]*"/y;
const SPACE = /\s+/y;

function matchAt(pattern: RegExp, source: string, position: number): string | null {
  pattern.lastIndex = position;
  return pattern.exec(source)?.[0] ?? null;
}

/**
 * Splits a kernel source into tokens, skipping white space.
 *
 * @example
 * tokenize('h0 = 2;') // [{ kind: 'name', text: 'h0', position: 0 }, { kind: 'punctuation', text: '=', position: 3 }, …]
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < source.length) {
    const space = matchAt(SPACE, source, position);
    if (space) {
      position += space.length;
      continue;
    }
    let kind: Token['kind'] = 'number';
    let text = matchAt(NUMBER, source, position);
    if (text === null) [kind, text] = ['name', matchAt(NAME, source, position)];
    if (text === null) [kind, text] = ['string', matchAt(STRING, source, position)];
    if (text === null) [kind, text] = ['punctuation', PUNCTUATION.find((candidate) => source.startsWith(candidate, position)) ?? null];
    if (text === null) throw new KernelSyntaxError(`unexpected character "${source[position]}"`, position, source);
    tokens.push({ kind, text, position });
    position += text.length;
  }
  return tokens;
}
