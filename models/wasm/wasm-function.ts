import { ByteWriter } from './byte-writer.ts';
import { add, emitStore, i32, lt, not, VALUE_TYPE, type WasmExpr, type WasmLocal, type WasmType } from './wasm-expr.ts';
import type { FunctionDefinition } from './wasm-module.ts';
import { EMPTY_BLOCK, Op, type ValueType } from './wasm-opcodes.ts';

/** A branch target: the block or loop it was made for. */
export interface WasmLabel {
  readonly depth: number;
}

/**
 * Builds one function's body statement by statement: locals, assignments, stores,
 * structured blocks, loops and ifs, with branches to labels by name rather than by
 * relative depth.
 *
 * @example
 * const fn = new FunctionBuilder(['f64'], 'f64');
 * const x = fn.param(0);
 * fn.return(mul(x, x));
 * module.define(fn.definition('square'));
 */
export class FunctionBuilder {
  readonly code = new ByteWriter();
  private readonly locals: ValueType[] = [];
  private depth = 0;

  constructor(
    private readonly params: WasmType[],
    private readonly result: WasmType | null,
  ) {}

  /** The parameter at `index`. */
  param(index: number): WasmLocal {
    if (index >= this.params.length) throw new RangeError(`no parameter ${index}`);
    return this.reference(index, this.params[index]);
  }

  /** A new local, zero on entry. */
  local(type: WasmType): WasmLocal {
    this.locals.push(VALUE_TYPE[type]);
    return this.reference(this.params.length + this.locals.length - 1, type);
  }

  /** local = value. */
  set(local: WasmLocal, value: WasmExpr): void {
    this.check(local, value);
    value.emit(this.code);
    this.code.byte(Op.localSet).u32(local.index);
  }

  /** global = value. */
  setGlobal(index: number, value: WasmExpr): void {
    value.emit(this.code);
    this.code.byte(Op.globalSet).u32(index);
  }

  /** Stores value at address + offset (bytes). */
  store(address: WasmExpr, value: WasmExpr, offset = 0): void {
    emitStore(this.code, address, value, offset);
  }

  /** Stores the low 16 bits of an i32 at address + offset (bytes), as a Uint16Array element. */
  store16(address: WasmExpr, value: WasmExpr, offset = 0): void {
    emitStore(this.code, address, value, offset, 16);
  }

  /** A block: `br(exit)` inside jumps past its end. */
  block(body: (exit: WasmLabel) => void): void {
    this.structured(Op.block, body);
  }

  /** A loop: `br(repeat)` inside jumps back to its start; falling off the end leaves it. */
  loop(body: (repeat: WasmLabel) => void): void {
    this.structured(Op.loop, body);
  }

  /**
   * while (condition) body: the condition is tested before each pass; `br(exit)` in the
   * body leaves the loop.
   */
  while(condition: WasmExpr, body: (exit: WasmLabel) => void): void {
    this.block((exit) =>
      this.loop((repeat) => {
        this.brIf(exit, not(condition));
        body(exit);
        this.br(repeat);
      }),
    );
  }

  /**
   * for (counter = from; counter < to; counter++) body: `br(exit)` in the body leaves the loop.
   *
   * @example
   * fn.for(i, i32(0), n, () => fn.store(add(base, shl(i, i32(3))), f64(0)));
   */
  for(counter: WasmLocal, from: WasmExpr, to: WasmExpr, body: (exit: WasmLabel) => void): void {
    this.set(counter, from);
    this.while(lt(counter, to), (exit) => {
      body(exit);
      this.set(counter, add(counter, i32(1)));
    });
  }

  /** if (condition) then else otherwise. */
  if(condition: WasmExpr, then: () => void, otherwise?: () => void): void {
    if (condition.type !== 'i32') throw new TypeError('if needs an i32 condition');
    condition.emit(this.code);
    this.code.byte(Op.if).byte(EMPTY_BLOCK);
    this.depth++;
    then();
    if (otherwise) {
      this.code.byte(Op.else);
      otherwise();
    }
    this.depth--;
    this.code.byte(Op.end);
  }

  /** Jumps to a label (the end of a block, the start of a loop). */
  br(label: WasmLabel): void {
    this.code.byte(Op.br).u32(this.relative(label));
  }

  /** Jumps to a label when condition (i32) is non-zero. */
  brIf(label: WasmLabel, condition: WasmExpr): void {
    condition.emit(this.code);
    this.code.byte(Op.brIf).u32(this.relative(label));
  }

  /** Returns from the function (with its result, if it has one). */
  return(value?: WasmExpr): void {
    if ((value?.type ?? null) !== this.result) throw new TypeError(`return type ${value?.type ?? 'none'}, expected ${this.result ?? 'none'}`);
    value?.emit(this.code);
    this.code.byte(Op.return);
  }

  /** The finished function, for WasmModule.define. A function with a result must end in a return. */
  definition(exportName?: string): FunctionDefinition {
    if (this.depth !== 0) throw new Error('unclosed block');
    if (this.result) this.code.byte(Op.unreachable);
    return {
      params: this.params.map((type) => VALUE_TYPE[type]),
      results: this.result ? [VALUE_TYPE[this.result]] : [],
      locals: this.locals,
      code: this.code,
      exportName,
    };
  }

  private structured(opcode: number, body: (label: WasmLabel) => void): void {
    this.code.byte(opcode).byte(EMPTY_BLOCK);
    const label = { depth: ++this.depth };
    body(label);
    this.depth--;
    this.code.byte(Op.end);
  }

  private relative(label: WasmLabel): number {
    if (label.depth > this.depth) throw new Error('branch to a label outside its block');
    return this.depth - label.depth;
  }

  private reference(index: number, type: WasmType): WasmLocal {
    return {
      index,
      type,
      emit: (code) => {
        code.byte(Op.localGet).u32(index);
      },
    };
  }

  private check(local: WasmLocal, value: WasmExpr): void {
    if (local.type !== value.type) throw new TypeError(`assigning ${value.type} to a ${local.type} local`);
  }
}
