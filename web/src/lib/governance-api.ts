import type {
  ChecklistTemplateResource,
  ClassificationResource,
  GovernanceSettingsResource,
  TemplateDiffResource,
  TemplateVersionSummary,
} from '../../../models/contract/governance-resources.ts';
import type { Intake } from '../../../models/case/intake-schema.ts';
import type { TemplateItem } from '../../../models/governance/checklist-template.ts';
import type { RiskTier } from '../../../models/governance/risk-tiers.ts';
import { json } from './api.ts';

/*
 * The governance routes the web uses (docs/governance.md §4): organisation settings, the
 * checklist template versions and their diff, and classification (a case's own calls: case-governance-api.ts).
 */

/**
 * The organisation's tiers and the current checklist template version.
 *
 * @example
 * (await governanceSettings()).tiers.map((tier) => tier.id) // ['low', 'medium', 'high']
 */
export function governanceSettings(): Promise<GovernanceSettingsResource> {
  return json<GovernanceSettingsResource>('GET', '/governance/settings');
}

/**
 * Saves the tiers (admin only; 403 otherwise, 422 naming the bad field).
 *
 * @example
 * await saveGovernanceSettings(tiers);
 */
export function saveGovernanceSettings(tiers: RiskTier[]): Promise<GovernanceSettingsResource> {
  return json<GovernanceSettingsResource>('PUT', '/governance/settings', { body: { tiers } });
}

/**
 * What the server derives from a complete intake.
 *
 * @example
 * (await classifyIntake(intake)).euAiActCategory.value // 'transparency'
 */
export function classifyIntake(intake: Intake): Promise<ClassificationResource> {
  return json<ClassificationResource>('POST', '/governance/classify', { body: { intake } });
}

/**
 * The checklist template versions, newest first.
 *
 * @example
 * (await templateVersions())[0].current // true
 */
export async function templateVersions(): Promise<TemplateVersionSummary[]> {
  return (await json<{ items: TemplateVersionSummary[] }>('GET', '/governance/checklist-templates')).items;
}

/**
 * One template version with its items.
 *
 * @example
 * (await templateVersion(1)).items.length // 26
 */
export function templateVersion(version: number): Promise<ChecklistTemplateResource> {
  return json<ChecklistTemplateResource>('GET', `/governance/checklist-templates/${version}`);
}

/**
 * Publishes the next template version (admin only). Every item id of the current version must stay.
 *
 * @example
 * await publishTemplate({ note: 'Adds a vendor exit plan', items });
 */
export function publishTemplate(body: { note?: string; items: TemplateItem[] }): Promise<ChecklistTemplateResource> {
  return json<ChecklistTemplateResource>('POST', '/governance/checklist-templates', { body });
}

/**
 * The item diff between two template versions.
 *
 * @example
 * (await templateDiff(1, 2)).added.map((item) => item.id)
 */
export function templateDiff(from: number, to: number): Promise<TemplateDiffResource> {
  return json<TemplateDiffResource>('GET', '/governance/checklist-templates/diff', { query: { from, to } });
}
