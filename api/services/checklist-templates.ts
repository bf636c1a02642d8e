import type { TemplateVersionSummary } from '../../models/contract/governance-resources.ts';
import type { ChecklistTemplate, TemplateItem } from '../../models/governance/checklist-template.ts';
import { DEFAULT_TEMPLATE } from '../../models/governance/default-template.ts';
import type { Queryable } from '../storage/database.ts';

interface TemplateRow {
  version: number;
  note: string;
  items: TemplateItem[];
  created_by: string;
  created_at: Date;
}

const toTemplate = (row: TemplateRow): ChecklistTemplate => ({
  version: Number(row.version),
  note: row.note,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at).toISOString(),
  items: row.items,
});

/**
 * The newest template version (1, the built-in one, until an admin saves another).
 *
 * @example
 * await currentTemplateVersion(db) // 1
 */
export async function currentTemplateVersion(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM checklist_templates');
  return rows[0]?.version ? Number(rows[0].version) : DEFAULT_TEMPLATE.version;
}

/**
 * One template version, or null.
 *
 * @example
 * const v1 = await getTemplate(db, 1); // the built-in default
 */
export async function getTemplate(db: Queryable, version: number): Promise<ChecklistTemplate | null> {
  if (version === DEFAULT_TEMPLATE.version) return DEFAULT_TEMPLATE;
  const { rows } = await db.query<TemplateRow>('SELECT version, note, items, created_by, created_at FROM checklist_templates WHERE version = $1', [version]);
  return rows[0] ? toTemplate(rows[0]) : null;
}

/**
 * Every template version, newest first, without items.
 *
 * @example
 * const { items } = { items: await listTemplates(db) };
 */
export async function listTemplates(db: Queryable): Promise<TemplateVersionSummary[]> {
  const { rows } = await db.query<Omit<TemplateRow, 'items'> & { item_count: number }>(
    'SELECT version, note, created_by, created_at, jsonb_array_length(items) AS item_count FROM checklist_templates ORDER BY version DESC',
  );
  const current = rows[0] ? Number(rows[0].version) : DEFAULT_TEMPLATE.version;
  const stored = rows.map((row) => ({
    version: Number(row.version),
    note: row.note,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    itemCount: Number(row.item_count),
    current: Number(row.version) === current,
  }));
  const builtIn = { ...DEFAULT_TEMPLATE, itemCount: DEFAULT_TEMPLATE.items.length, current: current === DEFAULT_TEMPLATE.version };
  const { items: _items, ...summary } = builtIn;
  return [...stored, summary];
}

/**
 * Saves the next template version (validated and checked for removed items by the caller).
 * The version number comes from the table inside the insert, so two admins cannot both save version n.
 *
 * @example
 * const v2 = await createTemplate(db, items, 'adds a model-card item', 'Grace');
 */
export async function createTemplate(db: Queryable, items: TemplateItem[], note: string, who: string): Promise<ChecklistTemplate> {
  const { rows } = await db.query<TemplateRow>(
    `INSERT INTO checklist_templates (version, note, items, created_by)
     SELECT COALESCE(max(version), 1) + 1, $1, $2, $3 FROM checklist_templates
     RETURNING version, note, items, created_by, created_at`,
    [note, JSON.stringify(items), who],
  );
  return toTemplate(rows[0]);
}
