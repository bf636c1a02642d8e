import type { CaseChecklist, CaseChecklistItem } from '../case/governance-schema.ts';
import { sameJson } from './same-json.ts';

/** One refused edit, with the JSON pointer of the field. */
export interface ChecklistEditIssue {
  path: string;
  message: string;
}

/** Messages of the refused edits, as constants. */
export const CHECKLIST_EDIT_ERRORS = {
  templateItemRemoved: 'template items are never deleted; mark the item not applicable with a reason instead',
  signOffOnly: 'is set through POST /api/cases/{id}/checklist/items/{itemId}/status (sign-off by the item’s function), not by editing the document',
  templateVersion: 'changes only through POST /api/cases/{id}/checklist/migration',
  newItemState: 'a new item starts not met and unsigned; sign it off afterwards',
  newTemplateItem: 'items added to a case have source "case"; template items come from the template',
  checklistRemoved: 'a started checklist cannot be removed from the case',
  checklistAdded: 'start the checklist with POST /api/cases/{id}/checklist (it uses the template version pinned at the case’s creation)',
} as const;

const SIGN_OFF_FIELDS = [
  'status',
  'evidence',
  'notApplicableReason',
  'signedBy',
  'signedAt',
  'signedAs',
] as const satisfies readonly (keyof CaseChecklistItem)[];

/**
 * What a document save may not do to a case's checklist: remove a template item, change a
 * status, evidence or signature (those go through sign-off), change the template version,
 * or add an item that is not a fresh, unsigned case item. Returns every refused edit.
 *
 * @example
 * checklistEditIssues(before.governance?.checklist, after.governance?.checklist) // [] when only case items were added
 */
export function checklistEditIssues(before: CaseChecklist | undefined, after: CaseChecklist | undefined): ChecklistEditIssue[] {
  const base = '/governance/checklist';
  if (!before && !after) return [];
  if (!before) return [{ path: base, message: CHECKLIST_EDIT_ERRORS.checklistAdded }];
  if (!after) return [{ path: base, message: CHECKLIST_EDIT_ERRORS.checklistRemoved }];
  const issues: ChecklistEditIssue[] = [];
  if (after.templateVersion !== before.templateVersion) issues.push({ path: `${base}/templateVersion`, message: CHECKLIST_EDIT_ERRORS.templateVersion });
  const next = new Map(after.items.map((item, index) => [item.id, { item, index }]));
  for (const old of before.items) {
    const found = next.get(old.id);
    if (!found) {
      if (old.source === 'template') issues.push({ path: `${base}/items`, message: `${old.id}: ${CHECKLIST_EDIT_ERRORS.templateItemRemoved}` });
      continue;
    }
    for (const field of SIGN_OFF_FIELDS) {
      if (!sameJson(old[field], found.item[field]))
        issues.push({ path: `${base}/items/${found.index}/${field}`, message: `${old.id}.${field} ${CHECKLIST_EDIT_ERRORS.signOffOnly}` });
    }
    if (old.source !== found.item.source)
      issues.push({ path: `${base}/items/${found.index}/source`, message: `${old.id}: the source of an item does not change` });
  }
  const known = new Set(before.items.map((item) => item.id));
  after.items.forEach((item, index) => {
    if (known.has(item.id)) return;
    if (item.source !== 'case') issues.push({ path: `${base}/items/${index}/source`, message: CHECKLIST_EDIT_ERRORS.newTemplateItem });
    if (item.status !== 'notMet' || item.signedBy || item.signedAt || item.signedAs || item.evidence)
      issues.push({ path: `${base}/items/${index}/status`, message: CHECKLIST_EDIT_ERRORS.newItemState });
  });
  return issues;
}
