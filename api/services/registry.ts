import type { RegistryEntry } from '../../models/contract/governance-resources.ts';
import type { Queryable } from '../storage/database.ts';
import { listCases } from './case-store.ts';
import { governanceFacts } from './governance-overview.ts';

/**
 * The registry of what runs in production: every case whose latest decision is scale and that
 * is not retired, with its owners, tier, EU AI Act category, go-live and next review dates.
 * Sorted by next review date, soonest first.
 *
 * @example
 * const entries = await registryEntries(db, new Date());
 */
export async function registryEntries(db: Queryable, now: Date): Promise<RegistryEntry[]> {
  const records = await listCases(db, { includeArchived: true });
  const facts = await governanceFacts(db, records, now);
  const entries: RegistryEntry[] = [];
  for (const record of records) {
    const fact = facts.get(record.id)!;
    if (fact.retired || fact.latestDecision?.decision !== 'scale') continue;
    entries.push({
      caseId: record.id,
      name: record.name,
      businessOwner: fact.governance.accountability.businessOwner,
      monitoringOwner: fact.governance.accountability.monitoringOwner,
      riskTier: fact.riskTier,
      euAiActCategory: fact.euAiActCategory,
      goLiveDate: fact.latestDecision.takenAt.slice(0, 10),
      nextReviewDate: fact.nextReviewOn!,
      reviewEveryMonths: fact.reviewEveryMonths,
      decisionId: fact.latestDecision.id,
      links: { case: `/cases/${record.id}`, api: `/api/cases/${record.id}`, decision: `/api/cases/${record.id}/decisions#${fact.latestDecision.id}` },
    });
  }
  return entries.sort((a, b) => a.nextReviewDate.localeCompare(b.nextReviewDate) || a.name.localeCompare(b.name));
}

/** The characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_TRIGGER = /^[=+\-@\t\r\n]/;

/**
 * One CSV cell: text that a spreadsheet could read as a formula gets a leading apostrophe,
 * and a cell with a comma, quote or line break is quoted.
 *
 * @example
 * csvCell('=HYPERLINK("x")') // "\"'=HYPERLINK(\"\"x\"\")\""
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_TRIGGER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The registry's CSV columns, in order. */
export const REGISTRY_CSV_COLUMNS = [
  'caseId',
  'name',
  'businessOwner',
  'monitoringOwner',
  'riskTier',
  'euAiActCategory',
  'goLiveDate',
  'nextReviewDate',
  'reviewEveryMonths',
  'decisionId',
  'caseLink',
  'decisionLink',
] as const;

/**
 * The registry as CSV (a header row, CRLF line ends), every text cell injection-safe.
 *
 * @example
 * registryCsv(entries).split('\r\n')[0] // 'caseId,name,businessOwner,…'
 */
export function registryCsv(entries: RegistryEntry[]): string {
  const rows = entries.map((entry) =>
    [
      entry.caseId,
      entry.name,
      entry.businessOwner,
      entry.monitoringOwner,
      entry.riskTier,
      entry.euAiActCategory,
      entry.goLiveDate,
      entry.nextReviewDate,
      entry.reviewEveryMonths,
      entry.decisionId,
      entry.links.case,
      entry.links.decision,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[REGISTRY_CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
