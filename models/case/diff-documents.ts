/** One field-level change between two case versions. */
export interface DocumentChange {
  /** JSON-pointer-like path; array items that have an `id` are addressed as `[id]`. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/**
 * Field-by-field diff of two JSON documents. Arrays of objects with an `id` (benefit
 * and cost lines, metrics) are matched by id, so removing one line reports one
 * removal rather than a shifted list.
 *
 * @example
 * diffDocuments({ horizonMonths: 36 }, { horizonMonths: 48 })
 * // [{ path: '/horizonMonths', kind: 'changed', before: 36, after: 48 }]
 */
export function diffDocuments(before: unknown, after: unknown, path = ''): DocumentChange[] {
  if (Object.is(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const changes: DocumentChange[] = [];
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys) {
      const child = `${path}/${escapePointer(key)}`;
      if (!(key in after)) changes.push({ path: child, kind: 'removed', before: before[key] });
      else if (!(key in before)) changes.push({ path: child, kind: 'added', after: after[key] });
      else changes.push(...diffDocuments(before[key], after[key], child));
    }
    return changes;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (hasIds(before) && hasIds(after)) {
      const changes: DocumentChange[] = [];
      const beforeById = new Map(before.map((item) => [item.id, item]));
      const afterById = new Map(after.map((item) => [item.id, item]));
      for (const item of before) {
        if (!afterById.has(item.id)) changes.push({ path: `${path}[${item.id}]`, kind: 'removed', before: item });
      }
      for (const item of after) {
        const previous = beforeById.get(item.id);
        if (previous === undefined) changes.push({ path: `${path}[${item.id}]`, kind: 'added', after: item });
        else changes.push(...diffDocuments(previous, item, `${path}[${item.id}]`));
      }
      return changes;
    }
    const changes: DocumentChange[] = [];
    const length = Math.max(before.length, after.length);
    for (let index = 0; index < length; index++) {
      const child = `${path}/${index}`;
      if (index >= after.length) changes.push({ path: child, kind: 'removed', before: before[index] });
      else if (index >= before.length) changes.push({ path: child, kind: 'added', after: after[index] });
      else changes.push(...diffDocuments(before[index], after[index], child));
    }
    return changes;
  }
  return [{ path: path || '/', kind: 'changed', before, after }];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasIds(items: unknown[]): items is { id: string }[] {
  return items.length > 0 && items.every((item) => isObject(item) && typeof item.id === 'string');
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
