import { z } from 'zod';

/**
 * The six production-readiness gates, in review order.
 *
 * @example
 * READINESS_GATES[3] // 'valueMeasurement'
 */
export const READINESS_GATES = ['businessOwnership', 'productionData', 'workflowIntegration', 'valueMeasurement', 'adoptionChange', 'governanceRisk'] as const;

export type ReadinessGate = (typeof READINESS_GATES)[number];

/** Human labels for the readiness gates. */
export const READINESS_GATE_LABELS = {
  businessOwnership: 'Business ownership',
  productionData: 'Production data',
  workflowIntegration: 'Workflow integration',
  valueMeasurement: 'Value measurement',
  adoptionChange: 'Adoption & change',
  governanceRisk: 'Governance & risk',
} as const satisfies Record<ReadinessGate, string>;

/** One checklist item: what must be true, its status, the evidence and who owns it. */
export const checklistItemSchema = z.strictObject({
  item: z.string().min(1),
  status: z.enum(['met', 'partly', 'notMet']),
  evidence: z
    .strictObject({
      text: z.string(),
      link: z.string().optional(),
    })
    .optional(),
  owner: z.string().optional(),
});

/** The readiness checklists, one array per gate. Missing gates count as not started. */
export const readinessSchema = z.strictObject(
  Object.fromEntries(READINESS_GATES.map((gate) => [gate, z.array(checklistItemSchema).optional()])) as Record<
    ReadinessGate,
    z.ZodOptional<z.ZodArray<typeof checklistItemSchema>>
  >,
);

export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type Readiness = z.infer<typeof readinessSchema>;
