import type { CaseChecklistItem } from '../../models/case/governance-schema.ts';
import type { ApprovalsResource } from '../../models/contract/governance-resources.ts';

/** A JSON response as the API sends it. */
export const json = (status: number, payload: unknown): Response =>
  new Response(JSON.stringify(payload), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });

/** GET /api/me of a token carrying the given functions. */
export const tokenUser = (functions: string[], role = 'editor') => ({ name: 'Dana Data', role, permissions: ['read', 'write'], functions, mode: 'token' });

/** A legal item of the default template's governance gate, not signed yet. */
export const legalItem: CaseChecklistItem & { mandatory: boolean } = {
  id: 'gr-ai-disclosure',
  gate: 'governanceRisk',
  item: 'People are told when they interact with AI or receive AI-generated content',
  function: 'legal',
  evidenceHint: 'Disclosure text and where it is shown (Art. 50)',
  references: { nistAiRmf: ['GOVERN 1.2'], iso42001: ['A.8.2'] },
  source: 'template',
  status: 'notMet',
  mandatory: false,
};

/** A data item, not signed yet. */
export const dataItem: CaseChecklistItem & { mandatory: boolean } = {
  id: 'pd-data-quality',
  gate: 'productionData',
  item: 'Production data quality measured against the pilot’s',
  function: 'data',
  source: 'template',
  status: 'notMet',
  mandatory: true,
};

/** A medium-tier case's approvals on a run: the business owner approved, an approver is missing. */
export const halfApproved: ApprovalsResource = {
  caseId: 'case-1',
  runId: 'run-1',
  riskTier: 'medium',
  required: ['businessOwner', 'approver'],
  expected: { businessOwner: 'Rachel Kim', approver: null },
  items: [
    {
      id: 'a1',
      caseId: 'case-1',
      runId: 'run-1',
      role: 'businessOwner',
      person: 'Rachel Kim',
      token: null,
      note: null,
      approvedAt: '2026-12-07T10:00:00.000Z',
    },
  ],
  missing: ['approver'],
};
