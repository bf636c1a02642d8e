import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gateAnalysis } from '../../models/analysis/gate-analysis.ts';
import { tornadoAnalysis } from '../../models/analysis/tornado-analysis.ts';
import { measurementCosts, valueOfInformation } from '../../models/analysis/value-of-information.ts';
import { parseCase } from '../../models/compile/validate-case.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { summarizeRun } from '../../models/engine/summarize-run.ts';
import { businessCaseOutline, type OutlineInputs } from '../../models/report/business-case-outline.ts';
import { costByYearSvg, evppiSvg, tornadoSvg } from '../../models/report/chart-svg.ts';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/contact-center-assistant.json', import.meta.url), 'utf8'));

function inputs(document: unknown): OutlineInputs {
  const { case: bc, model } = parseCase(document);
  const settings = { trials: 500, seed: 7, sampling: 'lhs' as const };
  const sample = simulate(model, { ...settings, keepInputs: true });
  return {
    case: bc,
    caseId: 'c1',
    run: {
      id: 'r1',
      caseVersion: 3,
      caseHash: 'abcdef0123456789',
      trials: 500,
      seed: 7,
      sampling: 'lhs',
      engineVersion: 'test',
      finishedAt: '2026-12-01T10:00:00Z',
    },
    summary: summarizeRun(model, sample),
    gate: gateAnalysis(bc, model, settings, '2026-12-01'),
    tornado: tornadoAnalysis(model),
    voi: valueOfInformation(model, measurementCosts(bc), sample),
  };
}

const text = (outline: ReturnType<typeof businessCaseOutline>, id: string) => JSON.stringify(outline.sections.find((s) => s.id === id));

describe('businessCaseOutline', () => {
  const complete = businessCaseOutline(inputs(fixture));

  it('puts the sections in board order, with the run’s figures and the pilot sentence once', () => {
    expect(complete.sections.map((s) => s.id)).toEqual([
      'decision',
      'use-case',
      'baseline',
      'cost',
      'plan-integration',
      'plan-adoption',
      'plan-accountability',
      'plan-value-measurement',
      'risks',
      'gate',
      'measure-next',
    ]);
    const cost = text(complete, 'cost');
    expect(cost.match(/the pilot overstates/g)).toHaveLength(1);
    expect(cost).toContain('Pilot ROI, as reported by the pilot team');
    expect(cost).toContain('310');
    expect(complete.footer).toMatch(/^Reproduce: case c1 version 3 \(hash abcdef012345\), run r1, 500 trials, seed 7, Latin hypercube sampling/);
  });

  it('names the representativeness factors of the run in the reproduction line when the case has evidence, and only then', () => {
    expect(complete.footer).not.toContain('representativeness');
    const measured = JSON.parse(readFileSync(new URL('../../fixtures/contact-center-assistant-measured.json', import.meta.url), 'utf8'));
    const base = inputs(measured);
    const outline = businessCaseOutline({ ...base, run: { ...base.run, representativenessFactors: { production: 1, similar: 0.5, curated: 0.5 } } });
    expect(outline.footer).toContain('Latin hypercube sampling, representativeness factors production 1, similar 0.5, curated 0.5, engine test.');
  });

  it('shows a complete plan without warnings, and the timeline agreeing with the curve', () => {
    for (const id of ['plan-integration', 'plan-adoption', 'plan-accountability', 'plan-value-measurement'])
      expect(text(complete, id)).not.toContain('"warning"');
    expect(text(complete, 'plan-adoption')).toContain('Rollout timeline against the adoption curve');
  });

  it('says what is missing when the case has no plan, as the gate counts it', () => {
    const { scalingPlan: _plan, ...old } = fixture;
    const outline = businessCaseOutline(inputs(old));
    expect(text(outline, 'plan-integration')).toContain('No integration plan: which systems change');
    expect(text(outline, 'plan-integration')).toContain('The gate counts this as an unmet item of its readiness gate.');
    expect(text(outline, 'gate')).toContain('Integration plan (checked automatically from the scaling plan)');
  });

  it('draws the three charts as SVG with escaped text', () => {
    const { costByYear, tornado, evppi } = complete.charts;
    for (const svg of [costByYearSvg(costByYear!, 'de-DE'), tornadoSvg(tornado!, 'de-DE'), evppiSvg(evppi!, 'de-DE')]) {
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svg).not.toMatch(/<text[^>]*>[^<]*[<>][^<]*<\/text>/);
    }
    expect(tornadoSvg({ baseline: 0, bars: [{ label: 'a < b & c', low: -1, high: 1 }], currency: 'EUR' }, 'en-GB')).toContain('a &lt; b &amp; c');
  });
});
