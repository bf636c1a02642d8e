/** WebAssembly's page size. */
const PAGE_BYTES = 65536;
/** Regions start on cache-line boundaries. */
const ALIGN = 64;

/**
 * Hands out regions of a module's linear memory, one after the other, from byte 64
 * (address 0 stays unused, so a stray zero address reads nothing that matters).
 *
 * @example
 * const memory = new MemoryLayout();
 * const flows = memory.reserve(48 * 8);
 * new WasmModule(memory.pages);
 */
export class MemoryLayout {
  private next = ALIGN;

  /** A region of at least `bytes` bytes; returns its byte address. */
  reserve(bytes: number): number {
    const base = this.next;
    this.next += Math.ceil(Math.max(bytes, 8) / ALIGN) * ALIGN;
    return base;
  }

  /** Pages the module needs for everything reserved so far. */
  get pages(): number {
    return Math.ceil(this.next / PAGE_BYTES);
  }
}
