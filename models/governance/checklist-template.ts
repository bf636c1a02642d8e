import { z } from 'zod';
import { checklistItemDefinitionShape } from '../case/governance-schema.ts';

/** One item of the organisation's checklist template. */
export const templateItemSchema = z.strictObject(checklistItemDefinitionShape);
export type TemplateItem = z.infer<typeof templateItemSchema>;

/** The items of a template version: ids unique. */
export const templateItemsSchema = z
  .array(templateItemSchema)
  .min(1, 'a template needs at least one item')
  .max(300)
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `item id "${item.id}" appears twice` });
      seen.add(item.id);
    });
  });

/** A stored template version. */
export interface ChecklistTemplate {
  version: number;
  note: string;
  createdBy: string;
  /** ISO timestamp; null for the built-in version 1. */
  createdAt: string | null;
  items: TemplateItem[];
}
