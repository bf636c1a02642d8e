/**
 * JSON pointers (RFC 6901), the paths the engine's validation issues carry, so a field
 * in the editor and an issue about it meet on the same string.
 */

/** Splits a pointer into its keys. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Joins keys into a pointer. */
export function toPointer(parts: readonly (string | number)[]): string {
  return parts.map((part) => '/' + String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Joins a base pointer and more keys. */
export function childPointer(base: string, ...parts: (string | number)[]): string {
  return base + toPointer(parts);
}

/** The value at a pointer, or undefined. */
export function getAt(document: unknown, pointer: string): unknown {
  let node: unknown = document;
  for (const key of parsePointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * The container at a pointer in a mutable object tree, created (with every missing
 * parent) when absent: an array when `kind` says so, else an object. A value of the wrong
 * kind in the way (a draft typed half-way, an imported file) is replaced, so an "Add"
 * button works from any state of the document.
 *
 * @example
 * const doc = { baseline: { description: 'Manual matching' } };
 * ensureAt(doc, '/baseline/metrics', 'array').push(metric); // doc.baseline.metrics = [metric]
 */
export function ensureAt<K extends 'array' | 'object'>(
  document: Record<string, unknown>,
  pointer: string,
  kind: K,
): K extends 'array' ? unknown[] : Record<string, unknown> {
  const keys = parsePointer(pointer);
  let node: Record<string, unknown> = document;
  keys.forEach((key, i) => {
    const wantArray = i === keys.length - 1 ? kind === 'array' : /^\d+$/.test(keys[i + 1]);
    const next = node[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next) !== wantArray) node[key] = wantArray ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
  return node as never;
}

/**
 * Appends an item to the array at a pointer, creating the array and its parents when
 * missing, and returns the item's index.
 *
 * @example
 * appendAt(doc, '/costs', { id: 'integration1', … }) // 0 when the case had no cost line
 */
export function appendAt(document: Record<string, unknown>, pointer: string, item: unknown): number {
  const list = ensureAt(document, pointer, 'array');
  list.push(item);
  return list.length - 1;
}

/**
 * Sets (or, with undefined, deletes) the value at a pointer in a mutable object tree,
 * creating objects on the way; deleting where nothing is creates nothing. Used inside
 * Solid's `produce`.
 *
 * @example
 * setAtMutable(doc, '/inputs/seats/unit', 'seats'); // creates /inputs and /inputs/seats if missing
 */
export function setAtMutable(document: Record<string, unknown>, pointer: string, value: unknown): void {
  const keys = parsePointer(pointer);
  if (!keys.length) return;
  const parentPointer = toPointer(keys.slice(0, -1));
  const last = keys[keys.length - 1];
  if (value === undefined) {
    const parent = getAt(document, parentPointer);
    if (Array.isArray(parent)) {
      if (/^\d+$/.test(last) && Number(last) < parent.length) parent.splice(Number(last), 1);
    } else if (parent !== null && typeof parent === 'object') delete (parent as Record<string, unknown>)[last];
    return;
  }
  const parent = keys.length === 1 ? document : ensureAt(document, parentPointer, /^\d+$/.test(last) ? 'array' : 'object');
  (parent as Record<string, unknown>)[last] = value;
}
