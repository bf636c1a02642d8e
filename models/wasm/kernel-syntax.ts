import { KernelCompileError } from './kernel-compile-error.ts';

/*
 * The syntax of generated kernels: the small subset of JavaScript that
 * compile-case.ts and emit-cash-flows.ts write (declarations, assignments, counted
 * loops, ifs, blocks, arithmetic, comparisons, conditionals, calls and typed-array
 * indexing). It is parsed so the same source can also be compiled to WebAssembly;
 * anything outside the subset is an error, never a guess.
 */

/** An expression of the kernel subset. */
export type KernelExpr =
  | { kind: 'number'; value: number; integer: boolean }
  | { kind: 'name'; name: string }
  | { kind: 'member'; object: string; property: string }
  | { kind: 'index'; array: string; index: KernelExpr }
  | { kind: 'call'; callee: string; args: KernelExpr[] }
  | { kind: 'unary'; op: '-' | '+' | '!'; arg: KernelExpr }
  | { kind: 'binary'; op: KernelBinaryOp; left: KernelExpr; right: KernelExpr }
  | { kind: 'conditional'; test: KernelExpr; then: KernelExpr; otherwise: KernelExpr }
  | { kind: 'array'; elements: KernelExpr[] }
  | { kind: 'new'; callee: string; args: KernelExpr[] }
  | { kind: 'function'; name: string; params: string[]; body: KernelStatement[] };

export type KernelBinaryOp = '+' | '-' | '*' | '/' | '<' | '>' | '<=' | '>=' | '===' | '!==' | '&&' | '||' | '|';

/** A statement of the kernel subset. */
export type KernelStatement =
  | { kind: 'declare'; constant: boolean; declarations: { name: string; init: KernelExpr }[] }
  | { kind: 'destructure'; names: string[]; source: string }
  | { kind: 'assign'; target: { name: string; index: KernelExpr | null }; op: '=' | '+=' | '-=' | '*='; value: KernelExpr }
  | { kind: 'increment'; name: string }
  | { kind: 'for'; init: KernelStatement | null; test: KernelExpr | null; update: KernelStatement | null; body: KernelStatement }
  | { kind: 'if'; test: KernelExpr; then: KernelStatement }
  | { kind: 'block'; body: KernelStatement[] }
  | { kind: 'return'; value: KernelExpr };

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

interface Token {
  kind: 'number' | 'name' | 'string' | 'punctuation';
  text: string;
  position: number;
}

const PUNCTUATION = ['===', '!==', '+=', '-=', '*=', '++', '<=', '>=', '&&', '||', '(', ')', '{', '}', '[', ']', ';', ',', '.', '=', '<', '>', '+', '-', '*', '/', '!', '?', ':', '|'];
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_$][\w$]*/y;
const STRING = /"[^"\\]*"/y;
const SPACE = /\s+/y;

function matchAt(pattern: RegExp, source: string, position: number): string | null {
  pattern.lastIndex = position;
  return pattern.exec(source)?.[0] ?? null;
}

function tokenize(source: string): Token[] {
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

const BINARY_LEVELS: KernelBinaryOp[][] = [['||'], ['&&'], ['|'], ['===', '!=='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/']];

/**
 * Parses a kernel source into statements.
 *
 * @example
 * parseKernelSource('const h0 = x1 * 2;') // [{ kind: 'declare', constant: true, declarations: [{ name: 'h0', init: … }] }]
 */
export function parseKernelSource(source: string): KernelStatement[] {
  const tokens = tokenize(source);
  let cursor = 0;
  const peek = (offset = 0): Token | undefined => tokens[cursor + offset];
  const fail = (problem: string): never => {
    throw new KernelSyntaxError(problem, peek()?.position ?? source.length, source);
  };
  const is = (text: string, offset = 0): boolean => {
    const token = peek(offset);
    return token !== undefined && token.kind !== 'string' && token.text === text;
  };
  const accept = (text: string): boolean => {
    if (!is(text)) return false;
    cursor++;
    return true;
  };
  const expect = (text: string): void => {
    if (!accept(text)) fail(`expected "${text}"`);
  };
  const name = (): string => {
    const token = peek();
    if (token?.kind !== 'name') return fail('expected a name');
    cursor++;
    return token.text;
  };

  const list = <T>(close: string, item: () => T): T[] => {
    const items: T[] = [];
    while (!accept(close)) {
      if (items.length) expect(',');
      items.push(item());
    }
    return items;
  };

  function primary(): KernelExpr {
    const token = peek();
    if (!token) return fail('unexpected end of source');
    if (token.kind === 'number') {
      cursor++;
      const value = Number(token.text);
      return { kind: 'number', value, integer: /^\d+$/.test(token.text) && value <= 0x7fffffff };
    }
    if (accept('(')) {
      const inner = expression();
      expect(')');
      return inner;
    }
    if (accept('[')) return { kind: 'array', elements: list(']', expression) };
    if (token.kind !== 'name') return fail(`unexpected "${token.text}"`);
    if (accept('new')) {
      const callee = name();
      expect('(');
      return { kind: 'new', callee, args: list(')', expression) };
    }
    if (accept('function')) {
      const functionName = name();
      expect('(');
      const params = list(')', name);
      expect('{');
      return { kind: 'function', name: functionName, params, body: statements('}') };
    }
    const identifier = name();
    if (accept('.')) return { kind: 'member', object: identifier, property: name() };
    if (accept('[')) {
      const index = expression();
      expect(']');
      return { kind: 'index', array: identifier, index };
    }
    return { kind: 'name', name: identifier };
  }

  function postfix(): KernelExpr {
    const target = primary();
    if (!accept('(')) return target;
    if (target.kind !== 'name' && target.kind !== 'member') return fail('only named functions can be called');
    const callee = target.kind === 'name' ? target.name : `${target.object}.${target.property}`;
    return { kind: 'call', callee, args: list(')', expression) };
  }

  function unary(): KernelExpr {
    for (const op of ['-', '+', '!'] as const) if (accept(op)) return { kind: 'unary', op, arg: unary() };
    return postfix();
  }

  function binary(level: number): KernelExpr {
    if (level === BINARY_LEVELS.length) return unary();
    let left = binary(level + 1);
    for (;;) {
      const op = BINARY_LEVELS[level].find((candidate) => is(candidate));
      if (!op) return left;
      cursor++;
      left = { kind: 'binary', op, left, right: binary(level + 1) };
    }
  }

  function expression(): KernelExpr {
    const test = binary(0);
    if (!accept('?')) return test;
    const then = expression();
    expect(':');
    return { kind: 'conditional', test, then, otherwise: expression() };
  }

  function simpleStatement(): KernelStatement {
    if (is('const') || is('let')) {
      const constant = peek()!.text === 'const';
      cursor++;
      if (accept('{')) {
        const names = list('}', name);
        expect('=');
        return { kind: 'destructure', names, source: name() };
      }
      const declarations: { name: string; init: KernelExpr }[] = [];
      do {
        const declared = name();
        expect('=');
        declarations.push({ name: declared, init: expression() });
      } while (accept(','));
      return { kind: 'declare', constant, declarations };
    }
    const target = name();
    if (accept('++')) return { kind: 'increment', name: target };
    let index: KernelExpr | null = null;
    if (accept('[')) {
      index = expression();
      expect(']');
    }
    const op = (['=', '+=', '-=', '*='] as const).find((candidate) => is(candidate));
    if (!op) return fail('expected an assignment');
    cursor++;
    return { kind: 'assign', target: { name: target, index }, op, value: expression() };
  }

  function statement(): KernelStatement {
    const token = peek();
    if (token?.kind === 'string') {
      cursor++;
      accept(';');
      return { kind: 'block', body: [] };
    }
    if (accept('{')) return { kind: 'block', body: statements('}') };
    if (accept('for')) {
      expect('(');
      const init = is(';') ? null : simpleStatement();
      expect(';');
      const test = is(';') ? null : expression();
      expect(';');
      const update = is(')') ? null : simpleStatement();
      expect(')');
      return { kind: 'for', init, test, update, body: statement() };
    }
    if (accept('if')) {
      expect('(');
      const test = expression();
      expect(')');
      return { kind: 'if', test, then: statement() };
    }
    if (accept('return')) {
      const value = expression();
      accept(';');
      return { kind: 'return', value };
    }
    const simple = simpleStatement();
    expect(';');
    return simple;
  }

  function statements(close: string | null): KernelStatement[] {
    const body: KernelStatement[] = [];
    while (close === null ? cursor < tokens.length : !accept(close)) {
      if (cursor >= tokens.length) fail(`expected "${close}"`);
      body.push(statement());
    }
    return body;
  }

  return statements(null);
}
