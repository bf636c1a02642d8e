import type { BusinessCase } from '../case/case-schema.ts';
import type { ChecklistItem } from '../case/readiness.ts';
import { REPRESENTATIVENESS_FACTORS, type RepresentativenessFactors } from '../evidence/representativeness-factors.ts';

const STATUS = { production: 'met', similar: 'partly', curated: 'notMet' } as const;

const WHERE = {
  production: 'taken under production conditions',
  similar: 'taken in a similar setting, not production',
  curated: 'curated (cleaned, selected or hand-held), not production',
} as const;

/**
 * The production-data readiness items the case's evidence implies, one per input with
 * evidence: met when the evidence was taken under production conditions, partly when in a
 * similar setting, not met when curated, so a case whose inputs rest on curated pilot
 * data cannot pass the production-data gate on its checklist alone. None without evidence.
 *
 * @example
 * evidenceReadinessItems(bc)[0].status // 'notMet' for curated evidence
 */
export function evidenceReadinessItems(bc: BusinessCase, factors: RepresentativenessFactors = REPRESENTATIVENESS_FACTORS): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const [name, input] of Object.entries(bc.inputs)) {
    const evidence = input.evidence;
    if (!evidence) continue;
    const n = evidence.observations?.length ?? evidence.summary?.n ?? evidence.proportion?.trials ?? 0;
    const factor = factors[evidence.representativeness];
    const counted = factor === 1 ? 'counted in full' : `counted as ${formatCount(n * factor)} (factor ${factor})`;
    items.push({
      item: `The evidence on ${input.label ?? name} is production data (checked automatically from the case)`,
      status: STATUS[evidence.representativeness],
      evidence: { text: `${n} measurements by ${evidence.takenBy} on ${evidence.takenOn}, ${WHERE[evidence.representativeness]}; ${counted}.` },
      owner: 'valuegate',
    });
  }
  return items;
}

function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
