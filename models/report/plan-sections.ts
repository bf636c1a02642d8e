import type { BusinessCase } from '../case/case-schema.ts';
import { adoptionTimelineChecks } from '../compile/adoption-timeline.ts';
import type { ScalingPlanCheck } from '../gate/scaling-plan-checks.ts';
import type { OutlineSection } from './outline-types.ts';

type Blocks = OutlineSection['blocks'];

/** "Missing" and "incomplete" in the words the gate uses, as a warning block. */
function gateNote(check: ScalingPlanCheck | undefined): Blocks {
  if (!check || check.passed === 'yes') return [];
  const word = check.passed === 'no' ? 'an unmet' : 'a partly met';
  return [{ kind: 'warning', text: `${capital(check.detail)}. The gate counts this as ${word} item of its readiness gate.` }];
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const orDash = (text: string | undefined): string => text?.trim() || '—';

/**
 * The four parts of the scaling plan as document sections, each with the gate's verdict
 * when missing or incomplete, and the rollout timeline set against the adoption curve.
 *
 * @example
 * planSections(bc, gate.scalingPlan, 5).map((s) => s.heading)
 * // ['5. Integration plan', '6. Adoption plan', '7. Post-launch accountability', '8. Value-measurement approach']
 */
export function planSections(bc: BusinessCase, checks: readonly ScalingPlanCheck[], first: number): OutlineSection[] {
  const plan = bc.scalingPlan;
  const check = (part: ScalingPlanCheck['part']) => checks.find((c) => c.part === part);
  const integration: Blocks = [...gateNote(check('integration'))];
  const systems = plan?.integration?.systems ?? [];
  if (systems.length)
    integration.push({
      kind: 'table',
      caption: 'Systems touched',
      header: ['System', 'What changes', 'Owner'],
      rows: systems.map((s) => [s.name, orDash(s.change), orDash(s.owner)]),
    });
  const milestones = plan?.integration?.milestones ?? [];
  if (milestones.length)
    integration.push({
      kind: 'table',
      caption: 'Integration milestones',
      header: ['Milestone', 'Owner', 'Due'],
      rows: milestones.map((m) => [m.label, orDash(m.owner), m.due ?? '—']),
    });
  if (plan?.integration?.note?.trim()) integration.push({ kind: 'paragraph', text: plan.integration.note });

  const adoption: Blocks = [...gateNote(check('adoption'))];
  const a = plan?.adoption;
  if (a) {
    adoption.push({
      kind: 'facts',
      rows: [
        ['Training', orDash(a.training)],
        ['Champions', orDash(a.champions)],
        ['Managers’ role', orDash(a.managersRole)],
      ],
    });
    const timeline = adoptionTimelineChecks(bc);
    if (timeline.length) {
      adoption.push({
        kind: 'table',
        caption: 'Rollout timeline against the adoption curve (inputs at their medians)',
        header: ['Step', 'Share of the ceiling', 'Plan: by month', 'Curve: reached in month', 'Agrees'],
        rows: timeline.map((t) => [
          t.label,
          `${Math.round(t.reach * 100)} %`,
          String(t.plannedMonth),
          Number.isFinite(t.curveMonth) ? String(t.curveMonth) : 'never',
          t.disagrees ? 'No' : 'Yes',
        ]),
        numeric: [1, 2, 3],
      });
      for (const t of timeline.filter((row) => row.disagrees)) adoption.push({ kind: 'warning', text: t.message });
    }
  }

  const accountability: Blocks = [...gateNote(check('accountability'))];
  const acc = plan?.accountability;
  if (acc?.measures?.length)
    accountability.push({
      kind: 'table',
      caption: 'Who measures what, and when',
      header: ['Who', 'Measures what', 'When'],
      rows: acc.measures.map((m) => [m.who, m.what, m.when]),
    });
  if (acc)
    accountability.push({
      kind: 'facts',
      rows: [
        ['Who can stop it', orDash(acc.canStop)],
        ['When it stops', orDash(acc.stopTrigger)],
      ],
    });

  const value: Blocks = [...gateNote(check('valueMeasurement'))];
  const mp = bc.measurementPlan;
  value.push({
    kind: 'facts',
    rows: [
      ['Metric', mp ? mp.metric : 'no measurement plan'],
      ['Method', mp?.method ?? '—'],
      ['When', mp?.when ?? '—'],
      ['Owner', orDash(mp?.owner)],
      ['Attribution', orDash(plan?.valueMeasurement?.attribution)],
      ['Reporting', orDash(plan?.valueMeasurement?.reporting)],
    ],
  });

  const sections: [string, string, Blocks][] = [
    ['integration', 'Integration plan', integration],
    ['adoption', 'Adoption plan', adoption],
    ['accountability', 'Post-launch accountability', accountability],
    ['value-measurement', 'Value-measurement approach', value],
  ];
  return sections.map(([id, heading, blocks], index) => ({ id: `plan-${id}`, heading: `${first + index}. ${heading}`, blocks }));
}
