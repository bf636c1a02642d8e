import { KernelSyntaxError, tokenize, type Token } from './kernel-tokenizer.ts';

export { KernelSyntaxError } from './kernel-tokenizer.ts';

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

const BINARY_LEVELS: KernelBinaryOp[][] = [['||'], ['&&'], ['|'], ['===', '!=='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/']];

/**
 * Parses a kernel source into statements.
 *
 * @example
 * parseKernelSource('const h0 = x1 * 2;') // [{ kind: 'declare', constant: true, declarations: [{ name: 'h0', init: … }] }]
 */
export function parseKernelSource(source: string): KernelStatement[] {
  return new KernelParser(source, tokenize(source)).statements(null);
}

/** Recursive descent over the tokens, one method per grammar rule; `cursor` is the next token. */
class KernelParser {
  private cursor = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.cursor + offset];
  }

  private fail(problem: string): never {
    throw new KernelSyntaxError(problem, this.peek()?.position ?? this.source.length, this.source);
  }

  private is(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token !== undefined && token.kind !== 'string' && token.text === text;
  }

  private accept(text: string): boolean {
    if (!this.is(text)) return false;
    this.cursor++;
    return true;
  }

  private expect(text: string): void {
    if (!this.accept(text)) this.fail(`expected "${text}"`);
  }

  private name(): string {
    const token = this.peek();
    if (token?.kind !== 'name') return this.fail('expected a name');
    this.cursor++;
    return token.text;
  }

  private list<T>(close: string, item: () => T): T[] {
    const items: T[] = [];
    while (!this.accept(close)) {
      if (items.length) this.expect(',');
      items.push(item());
    }
    return items;
  }

  private readonly expressionItem = (): KernelExpr => this.expression();
  private readonly nameItem = (): string => this.name();

  private primary(): KernelExpr {
    const token = this.peek();
    if (!token) return this.fail('unexpected end of source');
    if (token.kind === 'number') {
      this.cursor++;
      const value = Number(token.text);
      return { kind: 'number', value, integer: /^\d+$/.test(token.text) && value <= 0x7fffffff };
    }
    if (this.accept('(')) {
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (this.accept('[')) return { kind: 'array', elements: this.list(']', this.expressionItem) };
    if (token.kind !== 'name') return this.fail(`unexpected "${token.text}"`);
    if (this.accept('new')) {
      const callee = this.name();
      this.expect('(');
      return { kind: 'new', callee, args: this.list(')', this.expressionItem) };
    }
    if (this.accept('function')) {
      const functionName = this.name();
      this.expect('(');
      const params = this.list(')', this.nameItem);
      this.expect('{');
      return { kind: 'function', name: functionName, params, body: this.statements('}') };
    }
    const identifier = this.name();
    if (this.accept('.')) return { kind: 'member', object: identifier, property: this.name() };
    if (this.accept('[')) {
      const index = this.expression();
      this.expect(']');
      return { kind: 'index', array: identifier, index };
    }
    return { kind: 'name', name: identifier };
  }

  private postfix(): KernelExpr {
    const target = this.primary();
    if (!this.accept('(')) return target;
    if (target.kind !== 'name' && target.kind !== 'member') return this.fail('only named functions can be called');
    const callee = target.kind === 'name' ? target.name : `${target.object}.${target.property}`;
    return { kind: 'call', callee, args: this.list(')', this.expressionItem) };
  }

  private unary(): KernelExpr {
    for (const op of ['-', '+', '!'] as const) if (this.accept(op)) return { kind: 'unary', op, arg: this.unary() };
    return this.postfix();
  }

  private binary(level: number): KernelExpr {
    if (level === BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const op = BINARY_LEVELS[level].find((candidate) => this.is(candidate));
      if (!op) return left;
      this.cursor++;
      left = { kind: 'binary', op, left, right: this.binary(level + 1) };
    }
  }

  private expression(): KernelExpr {
    const test = this.binary(0);
    if (!this.accept('?')) return test;
    const then = this.expression();
    this.expect(':');
    return { kind: 'conditional', test, then, otherwise: this.expression() };
  }

  private simpleStatement(): KernelStatement {
    if (this.is('const') || this.is('let')) {
      const constant = this.peek()!.text === 'const';
      this.cursor++;
      if (this.accept('{')) {
        const names = this.list('}', this.nameItem);
        this.expect('=');
        return { kind: 'destructure', names, source: this.name() };
      }
      const declarations: { name: string; init: KernelExpr }[] = [];
      do {
        const declared = this.name();
        this.expect('=');
        declarations.push({ name: declared, init: this.expression() });
      } while (this.accept(','));
      return { kind: 'declare', constant, declarations };
    }
    const target = this.name();
    if (this.accept('++')) return { kind: 'increment', name: target };
    let index: KernelExpr | null = null;
    if (this.accept('[')) {
      index = this.expression();
      this.expect(']');
    }
    const op = (['=', '+=', '-=', '*='] as const).find((candidate) => this.is(candidate));
    if (!op) return this.fail('expected an assignment');
    this.cursor++;
    return { kind: 'assign', target: { name: target, index }, op, value: this.expression() };
  }

  private statement(): KernelStatement {
    const token = this.peek();
    if (token?.kind === 'string') {
      this.cursor++;
      this.accept(';');
      return { kind: 'block', body: [] };
    }
    if (this.accept('{')) return { kind: 'block', body: this.statements('}') };
    if (this.accept('for')) {
      this.expect('(');
      const init = this.is(';') ? null : this.simpleStatement();
      this.expect(';');
      const test = this.is(';') ? null : this.expression();
      this.expect(';');
      const update = this.is(')') ? null : this.simpleStatement();
      this.expect(')');
      return { kind: 'for', init, test, update, body: this.statement() };
    }
    if (this.accept('if')) {
      this.expect('(');
      const test = this.expression();
      this.expect(')');
      return { kind: 'if', test, then: this.statement() };
    }
    if (this.accept('return')) {
      const value = this.expression();
      this.accept(';');
      return { kind: 'return', value };
    }
    const simple = this.simpleStatement();
    this.expect(';');
    return simple;
  }

  /** Statements up to `close` (consumed), or to the end of the source when `close` is null. */
  statements(close: string | null): KernelStatement[] {
    const body: KernelStatement[] = [];
    while (close === null ? this.cursor < this.tokens.length : !this.accept(close)) {
      if (this.cursor >= this.tokens.length) this.fail(`expected "${close}"`);
      body.push(this.statement());
    }
    return body;
  }
}
