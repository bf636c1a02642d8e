import { HOSTILE_STRINGS, RAW_VALUES, badValue, type FuzzRng } from './fuzz-values.ts';

type Path = (string | number)[];

/** Every JSON pointer-like path inside a value, as key arrays (bounded). */
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (out.length > 600 || value === null || typeof value !== 'object') return out;
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    out.push(path);
    pathsOf(child, path, out);
  }
  return out;
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove = false): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) delete node[last];
  else node[last] = value;
}

/** JSON text with placeholders swapped for raw JSON (deep nesting, 1e999, __proto__ keys). */
export function serialise(body: unknown): string {
  let text = JSON.stringify(body);
  for (const [placeholder, raw] of Object.entries(RAW_VALUES)) text = text.split(JSON.stringify(placeholder)).join(raw);
  return text;
}

/**
 * Spoils a JSON body: one field gets a bad value (half the time a hostile string in a text
 * field, so the type stays right and it reaches the handler), one key goes missing, or an
 * unexpected key appears (a top-level `__proto__` as raw text, since JSON.stringify drops it).
 *
 * @example
 * const { body, detail } = mutateBody(rng, 'field', { name: 'x' });
 */
export function mutateBody(
  rng: FuzzRng,
  kind: 'field' | 'drop' | 'extra',
  body: unknown,
  forced?: { value?: string | null; path?: string },
): { body: unknown; rawBody?: string; detail: string } {
  const paths = body !== undefined ? pathsOf(body) : [];
  if (paths.length === 0) kind = 'extra';
  if (kind === 'field') {
    const strings = paths.filter((p) => typeof valueAt(body, p) === 'string');
    const hostile = strings.length > 0 && (forced?.value !== undefined || rng.chance(0.5));
    const target = forced?.path ? forced.path.split('.') : hostile ? rng.pick(strings) : rng.pick(paths);
    const value = hostile ? (forced?.value ?? rng.pick(HOSTILE_STRINGS)) : badValue(rng);
    setAt(body, target, value);
    return { body, detail: `field ${target.join('.')} = ${String(JSON.stringify(value)).slice(0, 60)}` };
  }
  if (kind === 'drop') {
    const target = rng.pick(paths);
    setAt(body, target, undefined, true);
    return { body, detail: `drop ${target.join('.')}` };
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) body = {};
  const objects = [[] as Path, ...paths].filter((p) => {
    const node = valueAt(body, p);
    return node !== null && typeof node === 'object' && !Array.isArray(node);
  });
  const target = rng.pick(objects);
  const key = rng.pick(['__proto__', 'constructor', 'extra', 'toString', '\u0000', '']);
  const value = badValue(rng);
  const detail = `extra ${[...target, key].join('.')}`;
  if (target.length > 0) {
    setAt(body, [...target, key === '__proto__' ? 'prototype' : key], value);
    return { body, detail };
  }
  const rest = serialise(body).slice(1);
  return { body, rawBody: `{${JSON.stringify(key)}:${serialise(value)}${rest === '}' ? '}' : `,${rest}`}`, detail };
}
