import type { z } from 'zod';
import { closestName } from './closest-name.ts';
import { toJsonPointer, type CaseIssue } from './case-error.ts';

type AnySchema = z.ZodType;
type RawIssue = z.core.$ZodIssue;

/**
 * Turns zod issues into case issues with JSON-pointer paths. Union failures are
 * narrowed to the branch the author meant (by its `type` or `kind`), unknown keys
 * get a typo hint from the keys the schema allows at that place.
 *
 * @example
 * const result = caseSchema.safeParse(json);
 * if (!result.success) toCaseIssues(result.error.issues, caseSchema, json);
 */
export function toCaseIssues(issues: readonly RawIssue[], schema: AnySchema, data: unknown): CaseIssue[] {
  const out: CaseIssue[] = [];
  for (const issue of issues) collect(issue, [], schema, data, out);
  return dedupe(out);
}

function collect(issue: RawIssue, prefix: PropertyKey[], root: AnySchema, data: unknown, out: CaseIssue[]): void {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union') {
    const branches = flattenBranches(issue.errors);
    const tagged = branches.filter((branch) => !branch.some(isTagMismatch));
    if (branches.length > 0 && tagged.length === 0 && branches.every((b) => b.some(isTagMismatch))) {
      const tagIssue = branches[0].find(isTagMismatch)!;
      const tagKey = String(tagIssue.path[0]);
      const allowed = branches.flatMap((b) => b.filter(isTagMismatch).flatMap((i) => tagValues(i)));
      const unique = [...new Set(allowed.map(String))];
      const given = valueAt(data, [...path, tagKey]);
      out.push({
        path: toJsonPointer([...path, tagKey]),
        message:
          given === undefined ? `is required; one of ${unique.join(', ')}` : `unknown ${tagKey} ${describe(given)}; expected one of ${unique.join(', ')}`,
        hint: typeof given === 'string' ? closestName(given, unique) : undefined,
      });
      return;
    }
    if (tagged.length > 0) {
      const best = tagged.reduce((a, b) => (countLeaves(b) < countLeaves(a) ? b : a));
      for (const inner of best) collect(inner, path, root, data, out);
      return;
    }
    const discriminated = issue as { note?: string; options?: unknown[] };
    if (discriminated.note === 'No matching discriminator') {
      const allowed = (discriminated.options ?? []).map(String);
      const given = valueAt(data, path);
      out.push({
        path: toJsonPointer(path),
        message: `${given === undefined ? 'is required' : `unknown value ${describe(given)}`}; expected one of ${allowed.join(', ')}`,
        hint: typeof given === 'string' ? closestName(given, allowed) : undefined,
      });
      return;
    }
    out.push({ path: toJsonPointer(path), message: 'does not match any allowed form' });
    return;
  }
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(root, data, path);
    for (const key of issue.keys) {
      out.push({
        path: toJsonPointer([...path, key]),
        message: 'unknown field',
        hint: known ? closestName(key, known) : undefined,
      });
    }
    return;
  }
  const given = valueAt(data, path);
  const enumValues = issue.code === 'invalid_value' && issue.values.length > 2 ? issue.values.map(String) : undefined;
  out.push({
    path: toJsonPointer(path),
    message: plainMessage(issue, given),
    hint: enumValues && typeof given === 'string' ? closestName(given, enumValues) : undefined,
  });
}

/** Nested unions (normal by mean/sd or by p5/p95) report as one union inside another; flatten them. */
function flattenBranches(branches: readonly (readonly RawIssue[])[]): RawIssue[][] {
  return branches.flatMap((branch) =>
    branch.length === 1 && branch[0].code === 'invalid_union' && branch[0].path.length === 0 ? flattenBranches(branch[0].errors) : [[...branch]],
  );
}

function isTagMismatch(issue: RawIssue): boolean {
  return issue.code === 'invalid_value' && issue.path.length === 1 && (issue.path[0] === 'type' || issue.path[0] === 'kind');
}

function tagValues(issue: RawIssue): unknown[] {
  return issue.code === 'invalid_value' ? [...issue.values] : [];
}

function countLeaves(branch: readonly RawIssue[]): number {
  return branch.reduce((n, issue) => n + (issue.code === 'invalid_union' ? Math.min(...issue.errors.map(countLeaves)) : 1), 0);
}

function plainMessage(issue: RawIssue, given: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return given === undefined ? `is required (${issue.expected})` : `must be ${article(issue.expected)}, got ${describe(given)}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `needs at least ${issue.minimum} item(s)`
        : issue.origin === 'string'
          ? 'must not be empty'
          : `must be ${issue.inclusive ? 'at least' : 'greater than'} ${issue.minimum}`;
    case 'too_big':
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
    case 'invalid_value':
      return issue.values.length > 2
        ? `must be one of ${issue.values.join(', ')}, got ${describe(given)}`
        : `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describe(given)}`;
    default:
      return issue.message.replace(/^Invalid input: /, '');
  }
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function defOf(schema: AnySchema): Record<string, unknown> {
  return (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
}

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (['optional', 'default', 'nullable', 'prefault', 'readonly', 'nonoptional'].includes(def.type as string)) {
      current = def.innerType as AnySchema;
    } else return current;
  }
}

function unionOptions(schema: AnySchema): AnySchema[] {
  const def = defOf(unwrap(schema));
  if (def.type !== 'union') return [];
  return (def.options as AnySchema[]).flatMap((option) => {
    const inner = unwrap(option);
    return defOf(inner).type === 'union' ? unionOptions(inner) : [inner];
  });
}

/** Picks the union branch whose `type`/`kind` literal matches the data. */
function pickBranch(schema: AnySchema, data: unknown): AnySchema | undefined {
  const options = unionOptions(schema);
  const matching = options.filter((option) => {
    const shape = defOf(option).shape as Record<string, AnySchema> | undefined;
    if (!shape || typeof data !== 'object' || data === null) return false;
    for (const tag of ['type', 'kind']) {
      if (shape[tag]) return (defOf(shape[tag]).values as unknown[])?.includes((data as Record<string, unknown>)[tag]);
    }
    return true;
  });
  if (matching.length <= 1) return matching[0];
  // Several forms share a tag (normal by mean/sd or by p5/p95): pick the one sharing most keys.
  const keys = Object.keys(data as object);
  return matching.reduce((a, b) => (overlap(b, keys) > overlap(a, keys) ? b : a));
}

function overlap(option: AnySchema, keys: string[]): number {
  const shape = defOf(option).shape as Record<string, unknown>;
  return keys.filter((k) => k in shape).length;
}

function schemaAt(root: AnySchema, data: unknown, path: readonly PropertyKey[]): AnySchema | undefined {
  let schema: AnySchema | undefined = root;
  let value = data;
  for (const part of path) {
    if (!schema) return undefined;
    schema = step(schema, value, part);
    value = value === null || typeof value !== 'object' ? undefined : (value as Record<PropertyKey, unknown>)[part];
  }
  return schema;
}

function step(schema: AnySchema, value: unknown, part: PropertyKey): AnySchema | undefined {
  let current = unwrap(schema);
  if (defOf(current).type === 'union') {
    const branch = pickBranch(current, value);
    if (!branch) return undefined;
    current = branch;
  }
  const def = defOf(current);
  if (def.type === 'object') return (def.shape as Record<PropertyKey, AnySchema>)[part];
  if (def.type === 'array') return def.element as AnySchema;
  if (def.type === 'record') return def.valueType as AnySchema;
  return undefined;
}

function knownKeysAt(root: AnySchema, data: unknown, path: readonly PropertyKey[]): string[] | undefined {
  const schema = schemaAt(root, data, path);
  if (!schema) return undefined;
  let current = unwrap(schema);
  if (defOf(current).type === 'union') current = pickBranch(current, valueAt(data, path)) ?? current;
  const shape = defOf(current).shape as Record<string, unknown> | undefined;
  return shape ? Object.keys(shape) : undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function dedupe(issues: CaseIssue[]): CaseIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = issue.path + '|' + issue.message;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
