import type { DiffChange } from './api-types.ts';
import { toPointer } from './json-pointer.ts';

/**
 * Field-by-field differences between two JSON documents, as JSON pointers; arrays are
 * compared index by index. The same shape as the server's /diff, so one view shows both.
 *
 * @example
 * jsonDiff({ a: 1 }, { a: 2 }) // [{ path: '/a', kind: 'changed', before: 1, after: 2 }]
 */
export function jsonDiff(before: unknown, after: unknown, path: (string | number)[] = []): DiffChange[] {
  if (Object.is(before, after)) return [];
  const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';
  if (isObject(before) && isObject(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    const changes: DiffChange[] = [];
    for (const key of keys) {
      const part = Array.isArray(before) ? Number(key) : key;
      if (!(key in after)) changes.push({ path: toPointer([...path, part]), kind: 'removed', before: before[key] });
      else if (!(key in before)) changes.push({ path: toPointer([...path, part]), kind: 'added', after: after[key] });
      else changes.push(...jsonDiff(before[key], after[key], [...path, part]));
    }
    return changes;
  }
  if (before === undefined) return [{ path: toPointer(path), kind: 'added', after }];
  if (after === undefined) return [{ path: toPointer(path), kind: 'removed', before }];
  return [{ path: toPointer(path), kind: 'changed', before, after }];
}

/**
 * A diff value shown in one table cell: scalars as they are, structures as compact JSON.
 *
 * @example
 * diffValueText({ type: 'pert', min: 1 }) // '{"type":"pert","min":1}'
 */
export function diffValueText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
