import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import type { DistributionSpec } from '../../models/distributions/spec.ts';
import { DistributionPicker } from '../../web/src/components/distribution-picker.tsx';
import { caseFormat } from '../../web/src/lib/format.ts';

afterEach(cleanup);

function renderPicker(initial: Partial<DistributionSpec>) {
  const [spec, setSpec] = createSignal<Partial<DistributionSpec>>(initial);
  render(() => (
    <DistributionPicker
      value={spec()}
      onChange={setSpec}
      unit="minutes/contact"
      label="Minutes saved"
      format={caseFormat('EUR', 'en-GB')}
      pointer="/inputs/minutes/distribution"
    />
  ));
  return spec;
}

describe('DistributionPicker', () => {
  it('rejects min > max with an inline error tied to the Maximum field', () => {
    renderPicker({ type: 'uniform', min: 10, max: 5 });
    const max = screen.getByLabelText('Maximum');
    expect(max.getAttribute('aria-invalid')).toBe('true');
    const errorId = max.getAttribute('aria-describedby')!;
    const error = document.getElementById(errorId)!;
    expect(error.textContent).toContain('max must be greater than min');
    expect(error.getAttribute('role')).toBe('alert');
    expect(screen.getByLabelText('Minimum').getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByText('Preview appears when the parameters are valid.')).toBeTruthy();
  });

  it('clears the error once the range is fixed, and reports the new spec', () => {
    const spec = renderPicker({ type: 'uniform', min: 10, max: 5 });
    fireEvent.input(screen.getByLabelText('Maximum'), { target: { value: '20' } });
    expect(spec()).toEqual({ type: 'uniform', min: 10, max: 20 });
    expect(screen.getByLabelText('Maximum').getAttribute('aria-invalid')).toBe('false');
    expect(screen.queryByText('max must be greater than min')).toBeNull();
  });

  it('flags a 90% interval whose high end is below its low end', () => {
    renderPicker({ type: 'lognormal', p5: 200, p95: 100 });
    const high = screen.getByLabelText('High (95th percentile)');
    expect(high.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(high.getAttribute('aria-describedby')!)!.textContent).toContain('p95 must be greater than p5');
  });

  it('says so when a field is not a number, without changing the spec', () => {
    const spec = renderPicker({ type: 'triangular', min: 1, mode: 2, max: 3 });
    fireEvent.input(screen.getByLabelText('Most likely'), { target: { value: 'two' } });
    expect(spec()).toEqual({ type: 'triangular', min: 1, mode: 2, max: 3 });
    // Checked when the field is left (issue 16: number fields validate on blur).
    fireEvent.blur(screen.getByLabelText('Most likely'));
    expect(screen.getByText('Most likely must be a number: type it as e.g. 1250 or 0.5')).toBeTruthy();
  });

  it('accepts a decimal comma', () => {
    const spec = renderPicker({ type: 'triangular', min: 1, mode: 2, max: 3 });
    fireEvent.input(screen.getByLabelText('Most likely'), { target: { value: '2,5' } });
    expect(spec()).toEqual({ type: 'triangular', min: 1, mode: 2.5, max: 3 });
  });

  it('keeps the estimate when switching form, and shows the 90% range', () => {
    const spec = renderPicker({ type: 'uniform', min: 10, max: 20 });
    fireEvent.change(screen.getByLabelText('Distribution of Minutes saved'), { target: { value: 'pert' } });
    expect(spec()).toEqual({ type: 'pert', min: 10, mode: 15, max: 20 });
    expect(screen.getByLabelText('Most likely')).toBeTruthy();
    expect(screen.getByText(/90% range/).textContent).toMatch(/minutes\/contact/);
  });

  it('shows a validateCase issue for its field with the engine message', async () => {
    const { validateCase } = await import('../../models/compile/validate-case.ts');
    const { indexIssues } = await import('../../web/src/lib/case-issues.ts');
    const { minimalCase } = await import('../helpers/minimal-case.ts');
    const caseDocument = minimalCase();
    (caseDocument.inputs.benefitPerMonth as { distribution: unknown }).distribution = { type: 'pert', min: 5, mode: 1 };
    const result = validateCase(caseDocument);
    expect(result.ok).toBe(false);
    const issues = indexIssues(result.ok ? [] : result.issues);
    render(() => (
      <DistributionPicker
        value={{ type: 'pert', min: 5, mode: 1 } as never}
        onChange={() => undefined}
        unit="EUR/month"
        label="Benefit"
        pointer="/inputs/benefitPerMonth/distribution"
        issues={issues}
      />
    ));
    const max = screen.getByLabelText('Maximum');
    expect(max.getAttribute('aria-invalid')).toBe('true');
    const engineIssue = issues.at('/inputs/benefitPerMonth/distribution/max')[0];
    expect(engineIssue).toBeDefined();
    expect(engineIssue.message).toBe('is required (number)');
    // The engine's message, named by the field's label with what to do (issue 16).
    expect(document.getElementById(max.getAttribute('aria-describedby')!)!.textContent).toContain('Maximum is required: enter a number');
  });
});
