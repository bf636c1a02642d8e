import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { normalNormalUpdate } from '../../models/evidence/index.ts';
import { EvidenceForm } from '../../web/src/editor/evidence-form.tsx';
import { parseObservations } from '../../web/src/lib/evidence-csv.ts';
import { fieldLabel } from '../../web/src/lib/field-labels.ts';
import { createCaseDraft, type CaseDraft } from '../../web/src/stores/case-draft.ts';
import { evidenceCase } from '../evidence/evidence-case.ts';

const disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const dispose of disposers.splice(0)) dispose();
});

/** x ~ N(100, 10²) in a one-input case. */
function draft(): CaseDraft {
  return createRoot((dispose) => {
    disposers.push(dispose);
    return createCaseDraft(evidenceCase({ unit: 'minutes', distribution: { type: 'normal', mean: 100, sd: 10 } }));
  });
}

const type = (label: RegExp, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const updatedFigure = (name: string) => document.querySelector(`[data-testid=before-after-x] td[data-figure="${name}"]`)?.textContent ?? '';

describe('the evidence form on an input', () => {
  it('typing a summary updates the draft and the before/after by the normal–normal update', () => {
    const d = draft();
    render(() => <EvidenceForm draft={d} name="x" />);
    fireEvent.click(screen.getByRole('button', { name: /record a measurement/i }));
    type(/^Sample size n/, '25');
    type(/^Sample mean/, '110');
    type(/^Sample standard deviation/, '20');
    type(/^Taken by/, 'WFM analyst');
    const evidence = d.document.inputs.x.evidence!;
    expect(evidence.summary).toEqual({ n: 25, mean: 110, sd: 20 });
    expect(evidence.representativeness).toBe('production');
    // Posterior mean (100/100 + 25·110/400)/(1/100 + 25/400) = 108.62; sd 1/√0.0725 = 3.71.
    const posterior = normalNormalUpdate({ mean: 100, sd: 10 }, { n: 25, mean: 110, sd: 20 });
    expect(posterior.mean).toBeCloseTo(108.6207, 3);
    expect(updatedFigure('Mean')).toContain('108.6');
    expect(updatedFigure('Standard deviation')).toContain('3.71');
    // Curated counts a quarter: 25 observations count as 6.25 and move the mean less.
    fireEvent.change(screen.getByLabelText('Representativeness'), { target: { value: 'curated' } });
    expect(d.document.inputs.x.evidence!.representativeness).toBe('curated');
    expect(screen.getByTestId('representativeness-line').textContent).toContain('25 observations count as 6.25');
    const curated = normalNormalUpdate({ mean: 100, sd: 10 }, { n: 25, mean: 110, sd: 20 }, 0.25);
    expect(updatedFigure('Mean')).toContain(curated.mean.toFixed(1));
  });

  it('a pasted list with text names the row and saves nothing; a list that reads replaces the observations', () => {
    const d = draft();
    render(() => <EvidenceForm draft={d} name="x" />);
    fireEvent.click(screen.getByRole('button', { name: /record a measurement/i }));
    fireEvent.change(screen.getByLabelText('Kind of evidence'), { target: { value: 'observations' } });
    expect(d.document.inputs.x.evidence!.observations).toEqual([]);
    type(/^Observations/, '101\n99\nabc\n103');
    expect(screen.getByText("Observations: row 3: 'abc' is not a number").closest('[role=alert]')).not.toBeNull();
    expect(d.document.inputs.x.evidence!.observations).toEqual([]);
    type(/^Observations/, 'minutes\n101\n99\n103');
    expect(d.document.inputs.x.evidence!.observations).toEqual([101, 99, 103]);
    expect(screen.queryByText(/is not a number/)).toBeNull();
  });
});

describe('bad evidence in the form', () => {
  it('a standard deviation of 0 is named by its label with what to do, and the before/after waits', () => {
    const d = draft();
    render(() => <EvidenceForm draft={d} name="x" />);
    fireEvent.click(screen.getByRole('button', { name: /record a measurement/i }));
    type(/^Sample size n/, '25');
    type(/^Sample mean/, '110');
    type(/^Sample standard deviation/, '0');
    // The engine checks the numbers once the evidence is complete (a draft's evidence may lack who took it).
    type(/^Taken by/, 'WFM analyst');
    expect(screen.getByText(/the standard deviation must be greater than 0/)).toBeTruthy();
    expect(document.querySelector('[data-testid=before-after-x]')).toBeNull();
    expect(fieldLabel(d.document, '/inputs/x/evidence/summary/sd')).toBe("Input 'x' › Evidence › Summary › Sample standard deviation");
  });
});

describe('parseObservations', () => {
  it('reads one number a row, skips a header and blank rows, takes a decimal comma, and names the first bad row', () => {
    expect(parseObservations('minutes\r\n0.8\n\n1,2\n"1.5"\n')).toEqual({ ok: true, values: [0.8, 1.2, 1.5] });
    expect(parseObservations('0.8; 1.1\n2')).toEqual({ ok: true, values: [0.8, 1.1, 2] });
    expect(parseObservations('0.8\nabc')).toEqual({ ok: false, message: "row 2: 'abc' is not a number" });
    expect(parseObservations('abc')).toEqual({ ok: false, message: "row 1: 'abc' is not a number" });
  });
});
