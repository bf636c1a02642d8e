import { describe, expect, it } from 'vitest';
import { renderGate } from '../../api/cli/render-analyses.ts';
import { renderSimulation } from '../../api/cli/render-simulation.ts';
import { parseCase, validateCase } from '../../models/compile/validate-case.ts';
import { pointEstimate } from '../../models/engine/point-estimate.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { summarizeRun } from '../../models/engine/summarize-run.ts';
import { evaluateGate } from '../../models/gate/evaluate-gate.ts';
import { hiddenCostFlags, noCostAnswers } from '../../models/gate/hidden-costs.ts';
import { evpi } from '../../models/voi/evpi.ts';
import { readyCaseInput } from './gate-fixtures.ts';

/** The minimal case prices integration and infrastructure; these answer two other categories "none". */
const REASONS = {
  security: 'Runs inside the existing CRM tenant; covered by its ISO 27001 controls',
  governance: 'Internal tool with no customer-facing output; existing policy applies',
  integration: 'A reason for a category that has a cost line is ignored',
};

function runGate(reasons: Record<string, string> | undefined) {
  const { case: bc, model } = parseCase(readyCaseInput(reasons ? { noCostReasons: reasons } : {}));
  const result = simulate(model, { trials: 200, seed: 7, keepInputs: true });
  const summary = summarizeRun(model, result);
  const voi = evpi(result.outputs.npv);
  const gate = evaluateGate({
    case: bc,
    summary,
    discountedPayback: result.outputs.discountedPaybackMonth,
    voi: { evpi: { value: voi.evpi, standardError: voi.evpiStandardError }, ranking: [] },
    tornado: { baselineOutput: summary.outputs.npv.mean, bars: [] },
    today: '2026-05-01',
  });
  return { bc, model, summary, gate };
}

describe('noCostReasons: "none" as an explicit answer', () => {
  it('is accepted by the schema and refused when blank or for an unknown category', () => {
    expect(validateCase(readyCaseInput({ noCostReasons: REASONS })).ok).toBe(true);
    const blank = validateCase(readyCaseInput({ noCostReasons: { data: '   ' } }));
    expect(blank.ok).toBe(false);
    if (!blank.ok) expect(blank.issues[0]).toMatchObject({ path: '/noCostReasons/data' });
    if (!blank.ok) expect(blank.issues[0].message).toContain('say why this category costs nothing');
    const unknown = validateCase(readyCaseInput({ noCostReasons: { licences: 'none' } as never }));
    expect(unknown.ok).toBe(false);
  });

  it('moves an answered category from the hidden-cost flags to the "none" answers, with its reason', () => {
    const without = runGate(undefined).gate;
    expect(without.missingCostCategories.map((row) => row.category)).toEqual([
      'data',
      'security',
      'training',
      'monitoring',
      'maintenance',
      'governance',
      'management',
    ]);
    expect(without.answeredNoCost).toEqual([]);
    const { gate } = runGate(REASONS);
    expect(gate.missingCostCategories.map((row) => row.category)).toEqual(['data', 'training', 'monitoring', 'maintenance', 'management']);
    expect(gate.answeredNoCost).toEqual([
      { category: 'security', label: 'Security & privacy', reason: REASONS.security, note: `Security & privacy: answered "none": ${REASONS.security}` },
      {
        category: 'governance',
        label: 'Governance, risk & legal',
        reason: REASONS.governance,
        note: `Governance, risk & legal: answered "none": ${REASONS.governance}`,
      },
    ]);
  });

  it('answers the catch-all too, and ignores a whitespace-only reason passed directly', () => {
    const missing = [
      { category: 'data', label: 'Data' },
      { category: 'other', label: 'Other' },
    ] as const;
    expect(hiddenCostFlags(missing, { data: '  ' }).map((row) => row.category)).toEqual(['data']);
    expect(noCostAnswers(missing, { other: ' nothing else ' })).toEqual([
      { category: 'other', label: 'Other', reason: 'nothing else', note: 'Other: answered "none": nothing else' },
    ]);
  });

  it('is printed by the CLI gate and simulate reports', () => {
    const { bc, summary, gate } = runGate(REASONS);
    const gateText = renderGate(bc, gate, summary.trials);
    expect(gateText).toContain(
      `Cost categories answered "none":\n  - Security & privacy: ${REASONS.security}\n  - Governance, risk & legal: ${REASONS.governance}`,
    );
    expect(gateText).not.toContain('Security & privacy: no cost priced');
    const simulateText = renderSimulation(bc, summary, pointEstimate(bc));
    expect(simulateText).toContain(
      'Hidden costs? No cost line in: Data (preparation, quality, ownership); Training & change management; Monitoring & evaluation; Maintenance (model, prompt, version upkeep); Manager & expert time; Other.',
    );
    expect(simulateText).toContain(`Answered "none": Security & privacy (${REASONS.security}); Governance, risk & legal (${REASONS.governance}).`);
  });
});
