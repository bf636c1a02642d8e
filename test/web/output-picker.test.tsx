import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../models/engine/summarize-run.ts';
import { chartValue, formatOutputValue, outputAxis, OutputPicker, outputOptions } from '../../web/src/components/output-picker.tsx';
import { caseFormat } from '../../web/src/lib/format.ts';
import { runSimulation } from '../../web/src/workers/run-simulation.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

afterEach(cleanup);

let summary: RunSummary;
beforeAll(async () => {
  const document = minimalCase({ metrics: [{ id: 'annualBenefit', label: 'Annual benefit', unit: 'EUR/year', formula: 'benefitPerMonth * 12' }] });
  const response = await runSimulation({ id: 1, document, trials: 100, seed: 1, sampling: 'lhs' });
  if (!response.ok) throw new Error('the case must simulate');
  summary = response.summary;
});

describe('outputOptions', () => {
  it('lists every summarised output and custom metric of the run, in words with units', () => {
    const options = outputOptions(summary, 'EUR');
    const labels = Object.fromEntries(options.map((option) => [option.id, option.label]));
    expect(labels.npv).toBe('NPV (EUR)');
    expect(labels.roi).toBe('ROI (%)');
    expect(labels.discountedPaybackMonth).toBe('Discounted payback (months)');
    expect(labels.paybackMonth).toBe('Payback, undiscounted (months)');
    expect(labels.irrAnnual).toBe('IRR (% per year)');
    expect(labels['metric.annualBenefit']).toBe('Annual benefit (EUR/year)');
    expect(options.find((option) => option.id === 'metric.annualBenefit')?.group).toBe('Custom metrics');
    // Per-line and per-category totals are not summarised per trial, so analyses cannot target them.
    expect(options.some((option) => option.id.startsWith('cost.') || option.id.startsWith('benefit.'))).toBe(false);
  });

  it('offers NPV alone when there is no run yet', () => {
    expect(outputOptions(null, 'USD')).toEqual([{ id: 'npv', label: 'NPV (USD)', unit: 'currency', group: 'Results' }]);
  });

  it('formats values in the output’s unit', () => {
    const format = caseFormat('EUR', 'en-GB');
    expect(formatOutputValue(format, 14.25, 'months')).toBe('14.3 months');
    expect(formatOutputValue(format, -2.5, 'months', true)).toBe('-2.5 months');
    expect(formatOutputValue(format, 0.42, 'ratio')).toBe('42%');
    expect(formatOutputValue(format, 0.05, 'ratio', true)).toBe('+5%');
    expect(formatOutputValue(format, 12000, 'currency')).toBe('€12,000');
  });
});

describe('chart values of a stored analysis', () => {
  it('draws a payback that never comes at horizon + 1 month, and says so in words', () => {
    expect(chartValue('Infinity', 'discountedPaybackMonth', 48)).toBe(49);
    expect(chartValue(31, 'discountedPaybackMonth', 48)).toBe(31);
    expect(chartValue('-Infinity', 'irrAnnual', 48)).toBe(-1);
    const axis = outputAxis(caseFormat('EUR', 'en-GB'), 'discountedPaybackMonth', 'months', undefined, 48);
    expect(axis.name).toBe('Discounted payback');
    expect(axis.unit).toBe('months');
    expect(axis.value(49)).toBe('beyond 48 months');
    expect(axis.value(31)).toBe('31.0 months');
    expect(axis.compact(49)).toBe('>48');
  });
});

describe('OutputPicker', () => {
  it('reports the chosen output id, grouped, with the custom metric among the choices', () => {
    const [value, setValue] = createSignal('npv');
    render(() => <OutputPicker summary={summary} currency="EUR" value={value()} onChange={setValue} label="Compare on" />);
    const select = screen.getByLabelText('Compare on') as HTMLSelectElement;
    expect(select.value).toBe('npv');
    expect([...select.querySelectorAll('optgroup')].map((group) => group.label)).toEqual(['Results', 'Custom metrics']);
    fireEvent.change(select, { target: { value: 'metric.annualBenefit' } });
    expect(value()).toBe('metric.annualBenefit');
    fireEvent.change(select, { target: { value: 'discountedPaybackMonth' } });
    expect(value()).toBe('discountedPaybackMonth');
  });

  it('disables the outputs an analysis cannot target and says why', () => {
    render(() => (
      <OutputPicker
        summary={summary}
        currency="EUR"
        value="npv"
        onChange={() => undefined}
        label="Decision judged on"
        allowed={(id) => id === 'npv'}
        disabledReason="NPV only here"
      />
    ));
    const select = screen.getByLabelText('Decision judged on') as HTMLSelectElement;
    const enabled = [...select.options].filter((option) => !option.disabled).map((option) => option.value);
    expect(enabled).toEqual(['npv']);
    expect(document.getElementById(select.getAttribute('aria-describedby')!)!.textContent).toBe('NPV only here');
  });
});
