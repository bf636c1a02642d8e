import type { CaseChecklist, CaseChecklistItem } from '../case/governance-schema.ts';
import { sameJson } from './same-json.ts';
import type { TemplateItem } from './checklist-template.ts';

/** The definition fields a template version can change. */
const DEFINITION_FIELDS = ['gate', 'item', 'function', 'evidenceHint', 'references', 'disclosure'] as const satisfies readonly (keyof TemplateItem)[];

/** The item diff between two template versions. */
export interface TemplateDiff {
  from: number;
  to: number;
  added: TemplateItem[];
  changed: { id: string; fields: { field: keyof TemplateItem; before: unknown; after: unknown }[] }[];
  unchanged: string[];
}

/**
 * What changes from one template's items to another's: items added, items whose definition
 * changed (field by field), items unchanged. Items are never removed from a template, so
 * the diff has no removals.
 *
 * @example
 * diffTemplateItems(1, v1.items, 2, v2.items).added.map((item) => item.id) // ['gr-model-card']
 */
export function diffTemplateItems(from: number, before: readonly Pick<TemplateItem, 'id'>[], to: number, after: readonly TemplateItem[]): TemplateDiff {
  const old = new Map(before.map((item) => [item.id, item as Partial<TemplateItem>]));
  const diff: TemplateDiff = { from, to, added: [], changed: [], unchanged: [] };
  for (const item of after) {
    const previous = old.get(item.id);
    if (!previous) {
      diff.added.push(item);
      continue;
    }
    const fields = DEFINITION_FIELDS.filter((field) => !sameJson(previous[field], item[field])).map((field) => ({
      field,
      before: previous[field] ?? null,
      after: item[field] ?? null,
    }));
    if (fields.length) diff.changed.push({ id: item.id, fields });
    else diff.unchanged.push(item.id);
  }
  return diff;
}

/**
 * Template item ids of `before` that `after` lacks: a template may never drop an item.
 *
 * @example
 * removedTemplateItems(v1.items, itemsWithoutOne) // ['gr-third-party']
 */
export function removedTemplateItems(before: readonly Pick<TemplateItem, 'id'>[], after: readonly Pick<TemplateItem, 'id'>[]): string[] {
  const kept = new Set(after.map((item) => item.id));
  return before.map((item) => item.id).filter((id) => !kept.has(id));
}

/**
 * A new checklist from a template's items: every item not met and unsigned.
 *
 * @example
 * instantiateChecklist(DEFAULT_TEMPLATE).items.length // 26
 */
export function instantiateChecklist(template: { version: number; items: readonly TemplateItem[] }): CaseChecklist {
  return { templateVersion: template.version, items: template.items.map((item) => ({ ...item, source: 'template' as const, status: 'notMet' as const })) };
}

/**
 * A case's checklist moved to a newer template version: the case's template items keep
 * their status, evidence and signatures and take the new definitions; new template items are
 * added, not met; case-added items stay. The diff is against the case's own items.
 *
 * @example
 * const { checklist, diff } = migrateChecklist(bc.governance.checklist, v2);
 */
export function migrateChecklist(
  checklist: CaseChecklist,
  template: { version: number; items: readonly TemplateItem[] },
): { checklist: CaseChecklist; diff: TemplateDiff } {
  const own = checklist.items.filter((item) => item.source === 'template');
  const diff = diffTemplateItems(checklist.templateVersion, own.map(definitionOf), template.version, template.items);
  const byId = new Map(template.items.map((item) => [item.id, item]));
  const items: CaseChecklistItem[] = checklist.items.map((item) => {
    const next = item.source === 'template' ? byId.get(item.id) : undefined;
    if (!next) return item;
    const { disclosure: _d, evidenceHint: _e, references: _r, ...kept } = item;
    return { ...kept, ...next, source: 'template' };
  });
  for (const added of diff.added) {
    // A case item may already use the id; the template's item then takes a suffixed id so neither is lost.
    const clash = items.some((item) => item.id === added.id);
    items.push({ ...added, ...(clash ? { id: `${added.id}-t${template.version}` } : {}), source: 'template', status: 'notMet' });
  }
  return { checklist: { templateVersion: template.version, items }, diff };
}

/** The definition part of a case item. */
export function definitionOf(item: CaseChecklistItem): TemplateItem {
  return {
    id: item.id,
    gate: item.gate,
    item: item.item,
    function: item.function,
    ...(item.evidenceHint !== undefined && { evidenceHint: item.evidenceHint }),
    ...(item.references !== undefined && { references: item.references }),
    ...(item.disclosure !== undefined && { disclosure: item.disclosure }),
  };
}
