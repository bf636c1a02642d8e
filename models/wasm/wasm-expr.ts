import type { ByteWriter } from './byte-writer.ts';
import { Op, Simd, TRUNC_SAT_F64_S, ValueType } from './wasm-opcodes.ts';

/** The value types the engine's WebAssembly uses; v128 holds two f64 lanes. */
export type WasmType = 'i32' | 'f64' | 'v128';

/**
 * An expression: code that leaves one value of `type` on the stack. Expressions are
 * built from the constructors below and emitted where a function builder uses them,
 * so a function reads like the arithmetic it performs.
 */
export interface WasmExpr {
  readonly type: WasmType;
  emit(code: ByteWriter): void;
}

/** A local variable (or parameter) of a function being built. */
export interface WasmLocal extends WasmExpr {
  readonly index: number;
}

/** The binary value-type byte of a type. */
export const VALUE_TYPE: Record<WasmType, ValueType> = { i32: ValueType.i32, f64: ValueType.f64, v128: ValueType.v128 };

const expr = (type: WasmType, emit: (code: ByteWriter) => void): WasmExpr => ({ type, emit });

/**
 * An i32 constant.
 *
 * @example
 * add(get(k), i32(1))
 */
export const i32 = (value: number): WasmExpr => expr('i32', (code) => code.byte(Op.i32Const).s32(value));

/**
 * An f64 constant, every bit kept.
 *
 * @example
 * mul(get(x), f64(0.5))
 */
export const f64 = (value: number): WasmExpr => expr('f64', (code) => code.byte(Op.f64Const).f64(value));

function operands(name: string, a: WasmExpr, b: WasmExpr): WasmType {
  if (a.type !== b.type) throw new TypeError(`${name}: operand types differ (${a.type}, ${b.type})`);
  return a.type;
}

function binary(name: string, opcodes: Partial<Record<WasmType, number>>, result?: WasmType) {
  return (a: WasmExpr, b: WasmExpr): WasmExpr => {
    const type = operands(name, a, b);
    const opcode = opcodes[type];
    if (opcode === undefined) throw new TypeError(`${name} is not defined on ${type}`);
    return expr(result ?? type, (code) => {
      a.emit(code);
      b.emit(code);
      if (type === 'v128') code.byte(Op.prefixFd).u32(opcode);
      else code.byte(opcode);
    });
  };
}

function unary(name: string, opcodes: Partial<Record<WasmType, number>>) {
  return (a: WasmExpr): WasmExpr => {
    const opcode = opcodes[a.type];
    if (opcode === undefined) throw new TypeError(`${name} is not defined on ${a.type}`);
    return expr(a.type, (code) => {
      a.emit(code);
      code.byte(opcode);
    });
  };
}

/** a + b (i32, f64, or f64x2 lane by lane on v128). */
export const add = binary('add', { i32: Op.i32Add, f64: Op.f64Add, v128: Simd.f64x2Add });
/** a − b. */
export const sub = binary('sub', { i32: Op.i32Sub, f64: Op.f64Sub, v128: Simd.f64x2Sub });
/** a × b. */
export const mul = binary('mul', { i32: Op.i32Mul, f64: Op.f64Mul, v128: Simd.f64x2Mul });
/** a ÷ b (f64). */
export const div = binary('div', { f64: Op.f64Div });
/** IEEE minimum: NaN if either is NaN, −0 below +0 (as Math.min). */
export const min = binary('min', { f64: Op.f64Min });
/** IEEE maximum: NaN if either is NaN, +0 above −0 (as Math.max). */
export const max = binary('max', { f64: Op.f64Max });
/** Bitwise and (i32; of 0/1 tests, logical and). */
export const and = binary('and', { i32: Op.i32And });
/** Bitwise or (i32; of 0/1 tests, logical or). */
export const or = binary('or', { i32: Op.i32Or });
/** i32 shift left. */
export const shl = binary('shl', { i32: Op.i32Shl });
/** i32 arithmetic shift right. */
export const shrS = binary('shrS', { i32: Op.i32ShrS });
/** i32 logical shift right (JavaScript's >>>). */
export const shrU = binary('shrU', { i32: Op.i32ShrU });
/** i32 rotate left. */
export const rotl = binary('rotl', { i32: Op.i32Rotl });
/** Bitwise xor (i32). */
export const xor = binary('xor', { i32: Op.i32Xor });

/** a < b as an i32 0/1 (signed for i32). */
export const lt = binary('lt', { i32: Op.i32LtS, f64: Op.f64Lt }, 'i32');
/** a > b. */
export const gt = binary('gt', { i32: Op.i32GtS, f64: Op.f64Gt }, 'i32');
/** a ≤ b. */
export const le = binary('le', { i32: Op.i32LeS, f64: Op.f64Le }, 'i32');
/** a ≥ b. */
export const ge = binary('ge', { i32: Op.i32GeS, f64: Op.f64Ge }, 'i32');
/** a = b (numeric: NaN ≠ NaN, −0 = +0). */
export const eq = binary('eq', { i32: Op.i32Eq, f64: Op.f64Eq }, 'i32');
/** a ≠ b. */
export const ne = binary('ne', { i32: Op.i32Ne, f64: Op.f64Ne }, 'i32');

/** |a| (f64). */
export const abs = unary('abs', { f64: Op.f64Abs });
/** −a. */
export const neg = unary('neg', { f64: Op.f64Neg });
/** √a, correctly rounded (as Math.sqrt). */
export const sqrt = unary('sqrt', { f64: Op.f64Sqrt });
/** Rounds toward zero (f64). */
export const trunc = unary('trunc', { f64: Op.f64Trunc });
/** Largest integer ≤ a. */
export const floor = unary('floor', { f64: Op.f64Floor });
/** Smallest integer ≥ a. */
export const ceil = unary('ceil', { f64: Op.f64Ceil });

/**
 * Logical not of an i32 (1 when a is 0).
 *
 * @example
 * not(lt(get(x), f64(0)))
 */
export const not = (a: WasmExpr): WasmExpr => {
  if (a.type !== 'i32') throw new TypeError('not takes an i32');
  return expr('i32', (code) => {
    a.emit(code);
    code.byte(Op.i32Eqz);
  });
};

/**
 * `whenTrue` if `condition` (an i32) is non-zero, else `whenFalse`; both are evaluated.
 *
 * @example
 * select(gt(get(x), f64(0)), get(x), f64(0))
 */
export const select = (condition: WasmExpr, whenTrue: WasmExpr, whenFalse: WasmExpr): WasmExpr => {
  const type = operands('select', whenTrue, whenFalse);
  if (condition.type !== 'i32') throw new TypeError('select needs an i32 condition');
  return expr(type, (code) => {
    whenTrue.emit(code);
    whenFalse.emit(code);
    condition.emit(code);
    code.byte(Op.select);
  });
};

/**
 * `whenTrue` if `condition` (an i32) is non-zero, else `whenFalse`, evaluating only the
 * arm taken (for arms that call functions).
 *
 * @example
 * choose(gt(get(x), f64(0)), call(log, [get(x)], 'f64'), f64(NaN))
 */
export const choose = (condition: WasmExpr, whenTrue: WasmExpr, whenFalse: WasmExpr): WasmExpr => {
  const type = operands('choose', whenTrue, whenFalse);
  if (condition.type !== 'i32') throw new TypeError('choose needs an i32 condition');
  return expr(type, (code) => {
    condition.emit(code);
    code.byte(Op.if).byte(VALUE_TYPE[type]);
    whenTrue.emit(code);
    code.byte(Op.else);
    whenFalse.emit(code);
    code.byte(Op.end);
  });
};

/**
 * The value of a global.
 *
 * @example
 * globalGet(previousRoot, 'f64')
 */
export const globalGet = (index: number, type: WasmType): WasmExpr => expr(type, (code) => code.byte(Op.globalGet).u32(index));

/**
 * The i32 as an f64 (exact).
 *
 * @example
 * toF64(get(month))
 */
export const toF64 = (a: WasmExpr): WasmExpr => {
  if (a.type !== 'i32') throw new TypeError('toF64 takes an i32');
  return expr('f64', (code) => {
    a.emit(code);
    code.byte(Op.f64ConvertI32S);
  });
};

/**
 * Whether an f64 is finite: x − x is 0 for finite x and NaN for ±Infinity and NaN
 * (Number.isFinite).
 *
 * @example
 * select(isFiniteF64(get(lo)), get(lo), f64(0))
 */
export const isFiniteF64 = (a: WasmExpr): WasmExpr => eq(sub(a, a), f64(0));

/**
 * The i32 read as unsigned, as an f64 (exact): JavaScript's `x >>> 0`.
 *
 * @example
 * toF64Unsigned(shrU(get(t), i32(6)))
 */
export const toF64Unsigned = (a: WasmExpr): WasmExpr => {
  if (a.type !== 'i32') throw new TypeError('toF64Unsigned takes an i32');
  return expr('f64', (code) => {
    a.emit(code);
    code.byte(Op.f64ConvertI32U);
  });
};

/**
 * The high 32 bits of the 64-bit product of two i32s read as unsigned: floor(a·b / 2^32),
 * exactly, as the multiply-shift that maps a uint32 to a range.
 *
 * @example
 * mulHigh(get(t), add(get(i), i32(1))) // Math.floor(((t >>> 0) * (i + 1)) / 4294967296)
 */
export const mulHigh = (a: WasmExpr, b: WasmExpr): WasmExpr => {
  if (a.type !== 'i32' || b.type !== 'i32') throw new TypeError('mulHigh takes i32s');
  return expr('i32', (code) => {
    a.emit(code);
    code.byte(Op.i64ExtendI32U);
    b.emit(code);
    code.byte(Op.i64ExtendI32U).byte(Op.i64Mul).byte(Op.i64Const).s32(32).byte(Op.i64ShrU).byte(Op.i32WrapI64);
  });
};

/**
 * The f64 truncated toward zero to an i32, saturating at the i32 range (NaN gives 0).
 *
 * @example
 * truncToI32(get(x)) // Math.trunc(x) for |x| < 2^31
 */
export const truncToI32 = (a: WasmExpr): WasmExpr => {
  if (a.type !== 'f64') throw new TypeError('truncToI32 takes an f64');
  return expr('i32', (code) => {
    a.emit(code);
    code.byte(Op.prefixFc).u32(TRUNC_SAT_F64_S);
  });
};

/**
 * The high 32 bits of an f64 (sign, exponent and top of the significand) as a signed i32,
 * as fdlibm's __HI(x).
 *
 * @example
 * highWord(f64(1)) // 0x3ff00000
 */
export const highWord = (a: WasmExpr): WasmExpr => {
  if (a.type !== 'f64') throw new TypeError('highWord takes an f64');
  return expr('i32', (code) => {
    a.emit(code);
    code.byte(Op.i64ReinterpretF64).byte(Op.i64Const).s32(32).byte(Op.i64ShrU).byte(Op.i32WrapI64);
  });
};

/**
 * Memory access type → load/store opcodes and alignment hint (log2 bytes). A v128 is
 * two f64 lanes read from 8-byte-aligned arrays, so its hint is 8 bytes too.
 */
const ACCESS = {
  i32: { load: [Op.i32Load], store: [Op.i32Store], align: 2 },
  f64: { load: [Op.f64Load], store: [Op.f64Store], align: 3 },
  v128: { load: [Op.prefixFd, Simd.v128Load], store: [Op.prefixFd, Simd.v128Store], align: 3 },
} as const;

function emitAccess(code: ByteWriter, opcode: readonly number[], align: number, offset: number): void {
  code.byte(opcode[0]);
  if (opcode.length > 1) code.u32(opcode[1]);
  code.u32(align).u32(offset);
}

/**
 * A value loaded from memory at `address` + `offset` (bytes).
 *
 * @example
 * load('f64', shl(get(m), i32(3)), FLOWS) // flows[m]
 */
export const load = (type: WasmType, address: WasmExpr, offset = 0): WasmExpr =>
  expr(type, (code) => {
    address.emit(code);
    emitAccess(code, ACCESS[type].load, ACCESS[type].align, offset);
  });

/**
 * Element `index` of an array of `type` values at byte address `base` (an expression or a
 * fixed address): load(type, base + index · size).
 *
 * @example
 * element('f64', layout.values, get(i)) // values[i]
 */
export const element = (type: 'i32' | 'f64', base: WasmExpr | number, index: WasmExpr): WasmExpr =>
  load(type, add(typeof base === 'number' ? i32(base) : base, shl(index, i32(type === 'f64' ? 3 : 2))));

/**
 * Emits a store of `value` at `address` + `offset` (the function builder's `store`); with
 * `width` 16, the low 16 bits of an i32 (a Uint16Array element).
 *
 * @example
 * emitStore(code, shl(get(m), i32(3)), get(value), FLOWS)
 */
export function emitStore(code: ByteWriter, address: WasmExpr, value: WasmExpr, offset: number, width?: 16): void {
  if (width === 16) {
    if (value.type !== 'i32') throw new TypeError('a 16-bit store takes an i32');
    address.emit(code);
    value.emit(code);
    code.byte(Op.i32Store16).u32(1).u32(offset);
    return;
  }
  address.emit(code);
  value.emit(code);
  emitAccess(code, ACCESS[value.type].store, ACCESS[value.type].align, offset);
}

/**
 * A call to a function of the module by index, with its result type.
 *
 * @example
 * call(expIndex, [neg(get(t))], 'f64')
 */
export const call = (functionIndex: number, args: WasmExpr[], result: WasmType): WasmExpr =>
  expr(result, (code) => {
    for (const arg of args) arg.emit(code);
    code.byte(Op.call).u32(functionIndex);
  });

/**
 * An f64x2 with both lanes equal to the f64 `a`.
 *
 * @example
 * splat(f64(4)) // (4, 4)
 */
export const splat = (a: WasmExpr): WasmExpr => {
  if (a.type !== 'f64') throw new TypeError(`splat takes an f64, got ${a.type}`);
  return expr('v128', (code) => {
    a.emit(code);
    code.byte(Op.prefixFd).u32(Simd.f64x2Splat);
  });
};

/**
 * Lane 0 or 1 of an f64x2, as an f64.
 *
 * @example
 * add(lane(get(sums), 0), lane(get(sums), 1))
 */
export const lane = (v: WasmExpr, index: 0 | 1): WasmExpr => {
  if (v.type !== 'v128') throw new TypeError(`lane takes a v128, got ${v.type}`);
  return expr('f64', (code) => {
    v.emit(code);
    code.byte(Op.prefixFd).u32(Simd.f64x2ExtractLane).byte(index);
  });
};

/**
 * An f64x2 with lane `index` replaced by the f64 `a`.
 *
 * @example
 * withLane(splat(f64(0)), 1, get(x)) // (0, x)
 */
export const withLane = (v: WasmExpr, index: 0 | 1, a: WasmExpr): WasmExpr => {
  if (v.type !== 'v128' || a.type !== 'f64') throw new TypeError(`withLane takes a v128 and an f64, got ${v.type} and ${a.type}`);
  return expr('v128', (code) => {
    v.emit(code);
    a.emit(code);
    code.byte(Op.prefixFd).u32(Simd.f64x2ReplaceLane).byte(index);
  });
};
