import { ByteWriter } from './byte-writer.ts';
import { Op, ValueType } from './wasm-opcodes.ts';

/** A function's signature. */
export interface Signature {
  params: ValueType[];
  results: ValueType[];
}

/** A function defined in the module: its signature, extra locals and instruction bytes (without the final `end`). */
export interface FunctionDefinition extends Signature {
  locals: ValueType[];
  code: ByteWriter;
  exportName?: string;
}

interface GlobalDefinition {
  type: ValueType;
  mutable: boolean;
  initial: number;
}

const MAGIC_AND_VERSION = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const SECTION = { type: 1, function: 3, memory: 5, global: 6, export: 7, code: 10 } as const;
const EXTERNAL_KIND = { function: 0x00, memory: 0x02 } as const;
const FUNCTION_TYPE = 0x60;

/**
 * Builds a self-contained WebAssembly module (no imports): functions, globals and
 * one exported memory.
 *
 * @example
 * const module = new WasmModule(1);
 * const code = new ByteWriter().byte(Op.localGet).u32(0).byte(Op.localGet).u32(1).byte(Op.f64Add);
 * module.define({ params: [ValueType.f64, ValueType.f64], results: [ValueType.f64], locals: [], code, exportName: 'add' });
 * new WebAssembly.Instance(new WebAssembly.Module(module.encode())).exports.add(1, 2) // 3
 */
export class WasmModule {
  private readonly functions: FunctionDefinition[] = [];
  private readonly globals: GlobalDefinition[] = [];

  /** @param memoryPages the exported memory's size, in 64 KiB pages */
  constructor(private readonly memoryPages: number) {}

  /** Adds a function; returns its function index. */
  define(definition: FunctionDefinition): number {
    this.functions.push(definition);
    return this.functions.length - 1;
  }

  /** Adds a global initialised to a constant; returns its index. */
  global(type: ValueType, initial: number, mutable = true): number {
    this.globals.push({ type, mutable, initial });
    return this.globals.length - 1;
  }

  encode(): Uint8Array<ArrayBuffer> {
    const signatures: string[] = [];
    const typeIndex = (signature: Signature): number => {
      const key = `${signature.params.join(',')}>${signature.results.join(',')}`;
      let index = signatures.indexOf(key);
      if (index < 0) index = signatures.push(key) - 1;
      return index;
    };
    const functionTypes = this.functions.map(typeIndex);

    const out = new ByteWriter().bytes(MAGIC_AND_VERSION);
    const section = (id: number, fill: (body: ByteWriter) => void): void => {
      const body = new ByteWriter();
      fill(body);
      out.byte(id).sized(body);
    };
    section(SECTION.type, (body) => {
      body.u32(signatures.length);
      for (const key of signatures) {
        const [params, results] = key.split('>').map((list) => (list ? list.split(',').map(Number) : []));
        body.byte(FUNCTION_TYPE).u32(params.length).bytes(params).u32(results.length).bytes(results);
      }
    });
    section(SECTION.function, (body) => {
      body.u32(functionTypes.length);
      for (const type of functionTypes) body.u32(type);
    });
    section(SECTION.memory, (body) => body.u32(1).byte(0x00).u32(this.memoryPages));
    if (this.globals.length) {
      section(SECTION.global, (body) => {
        body.u32(this.globals.length);
        for (const global of this.globals) {
          body.byte(global.type).byte(global.mutable ? 1 : 0);
          if (global.type === ValueType.f64) body.byte(Op.f64Const).f64(global.initial);
          else body.byte(Op.i32Const).s32(global.initial);
          body.byte(Op.end);
        }
      });
    }
    section(SECTION.export, (body) => {
      const exported = this.functions.map((definition, index) => ({ definition, index })).filter(({ definition }) => definition.exportName);
      body.u32(exported.length + 1);
      body.name('memory').byte(EXTERNAL_KIND.memory).u32(0);
      for (const { definition, index } of exported) body.name(definition.exportName!).byte(EXTERNAL_KIND.function).u32(index);
    });
    section(SECTION.code, (body) => {
      body.u32(this.functions.length);
      for (const definition of this.functions) {
        const entry = new ByteWriter();
        // Locals are declared in runs of one type.
        const runs: [number, ValueType][] = [];
        for (const type of definition.locals) {
          const last = runs[runs.length - 1];
          if (last && last[1] === type) last[0]++;
          else runs.push([1, type]);
        }
        entry.u32(runs.length);
        for (const [count, type] of runs) entry.u32(count).byte(type);
        entry.bytes(definition.code.finish()).byte(Op.end);
        body.sized(entry);
      }
    });
    return out.finish();
  }
}
