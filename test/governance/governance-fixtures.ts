import type { CaseInput } from '../../models/case/case-schema.ts';
import type { Intake } from '../../models/case/governance-schema.ts';
import { DEFAULT_TEMPLATE } from '../../models/governance/default-template.ts';
import { instantiateChecklist } from '../../models/governance/template-diff.ts';

/** Internal, no personal data, a person decides: the `low` tier, `minimal` category. */
export const LOW_INTAKE: Intake = {
  decisions: ['internalOperations'],
  affected: ['employees'],
  personalData: 'none',
  autonomy: 'recommends',
  euAiActArea: 'none',
  prohibitedPractice: 'none',
  interactsWithPeople: false,
  generatesContent: false,
};

/** The accountability model with all five roles named (with minimalCase's owner and sponsor). */
export const FULL_ACCOUNTABILITY = { riskOwner: 'Rita Risk', mayStop: ['COO'], monitoringOwner: 'Mona Monitor' };

/** The default template's checklist with every item met (signed by its function), for a case that should pass. */
export function allMetChecklist(): NonNullable<NonNullable<CaseInput['governance']>['checklist']> {
  const checklist = instantiateChecklist(DEFAULT_TEMPLATE);
  return {
    ...checklist,
    items: checklist.items.map((item) => ({
      ...item,
      status: 'met' as const,
      evidence: { text: `evidence for ${item.id}` },
      signedBy: `${item.function} lead`,
      signedAt: '2026-04-01T09:00:00.000Z',
      signedAs: 'function' as const,
    })),
  };
}
