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
 * Sets (or, with undefined, deletes) the value at a pointer in a mutable object tree,
 * creating objects on the way. Used inside Solid's `produce`.
 */
export function setAtMutable(document: Record<string, unknown>, pointer: string, value: unknown): void {
  const keys = parsePointer(pointer);
  if (!keys.length) return;
  let node: Record<string, unknown> = document;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i];
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
}
