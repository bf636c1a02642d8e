/**
 * The WebAssembly instructions the engine emits, by their binary opcodes (core
 * specification 2.0, section 5.4). Only what the engine uses is listed.
 *
 * @example
 * code.byte(Op.f64Add);
 */
export const Op = {
  unreachable: 0x00,
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  return: 0x0f,
  call: 0x10,
  select: 0x1b,
  localGet: 0x20,
  localSet: 0x21,
  globalGet: 0x23,
  globalSet: 0x24,
  i32Load: 0x28,
  f64Load: 0x2b,
  i32Store: 0x36,
  i32Store16: 0x3b,
  f64Store: 0x39,
  i32Const: 0x41,
  i64Const: 0x42,
  f64Const: 0x44,
  i32Eqz: 0x45,
  i32Eq: 0x46,
  i32Ne: 0x47,
  i32LtS: 0x48,
  i32GtS: 0x4a,
  i32LeS: 0x4c,
  i32GeS: 0x4e,
  f64Eq: 0x61,
  f64Ne: 0x62,
  f64Lt: 0x63,
  f64Gt: 0x64,
  f64Le: 0x65,
  f64Ge: 0x66,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32And: 0x71,
  i32Or: 0x72,
  i32Xor: 0x73,
  i32Shl: 0x74,
  i32ShrS: 0x75,
  i32ShrU: 0x76,
  i32Rotl: 0x77,
  f64Abs: 0x99,
  f64Neg: 0x9a,
  f64Ceil: 0x9b,
  f64Floor: 0x9c,
  f64Trunc: 0x9d,
  f64Sqrt: 0x9f,
  f64Add: 0xa0,
  f64Sub: 0xa1,
  f64Mul: 0xa2,
  f64Div: 0xa3,
  f64Min: 0xa4,
  f64Max: 0xa5,
  i32WrapI64: 0xa7,
  i64ShrU: 0x88,
  f64ConvertI32S: 0xb7,
  f64ConvertI32U: 0xb8,
  i64ExtendI32U: 0xad,
  i64Mul: 0x7e,
  i64ReinterpretF64: 0xbd,
  /** Prefix of the saturating truncations. */
  prefixFc: 0xfc,
  /** Prefix of the 128-bit vector instructions; the instruction's number follows as a u32 (see `Simd`). */
  prefixFd: 0xfd,
} as const;

/**
 * After the 0xfd prefix: the vector instructions the engine emits (fixed-width SIMD,
 * core specification 2.0, section 5.4.8). f64x2 arithmetic is IEEE 754 lane by lane,
 * with the same results as the scalar f64 instructions.
 */
export const Simd = {
  v128Load: 0,
  v128Store: 11,
  f64x2Splat: 20,
  f64x2ExtractLane: 33,
  f64x2ReplaceLane: 34,
  f64x2Add: 240,
  f64x2Sub: 241,
  f64x2Mul: 242,
} as const;

/** After the 0xfc prefix: i32.trunc_sat_f64_s. */
export const TRUNC_SAT_F64_S = 0x02;

/** Value types (core specification, section 5.3.1). */
export const ValueType = { i32: 0x7f, f64: 0x7c, v128: 0x7b } as const;
export type ValueType = (typeof ValueType)[keyof typeof ValueType];

/** The block type of a block with no result. */
export const EMPTY_BLOCK = 0x40;
