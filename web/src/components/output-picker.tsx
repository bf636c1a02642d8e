import { createUniqueId, For, Show, type Component } from 'solid-js';
import type { RunSummary } from '../../../models/engine/summarize-run.ts';
import type { CaseFormat } from '../lib/format.ts';
import { formatUnitValue } from '../lib/units.ts';

/** One output an analysis can target, as a run summary reports it. */
export interface OutputOption {
  id: string;
  /** In words with its unit, e.g. "Discounted payback (months)". */
  label: string;
  unit: string;
  group: 'Results' | 'Pilot' | 'Custom metrics';
}

/** The core outputs' names in words; the engine's labels are written for tables, not pickers. */
const NAMES: Record<string, string> = {
  npv: 'NPV',
  roi: 'ROI',
  pvBenefits: 'PV of benefits',
  pvCosts: 'PV of costs',
  totalBenefits: 'Total benefits, undiscounted',
  totalCosts: 'Total costs, undiscounted',
  paybackMonth: 'Payback, undiscounted',
  discountedPaybackMonth: 'Discounted payback',
  irrAnnual: 'IRR',
  pilotRoi: 'Pilot ROI',
  pilotBenefits: 'Pilot benefits',
  pilotCosts: 'Pilot costs',
};

/**
 * An output's unit as a reader says it: the currency code for money, % for ratios,
 * "% per year" for the IRR, months, or the metric's own unit.
 *
 * @example
 * unitInWords('irrAnnual', 'ratio', 'EUR') // '% per year'
 */
export function unitInWords(id: string, unit: string, currency: string): string {
  if (unit === 'currency') return currency;
  // A custom metric keeps the unit its author wrote.
  if (id.startsWith('metric.')) return unit;
  if (id === 'irrAnnual') return '% per year';
  if (unit === 'ratio') return '%';
  return unit;
}

/**
 * The outputs a run summary reports (every summarised output and custom metric), labelled
 * in words with units, in the summary's order.
 *
 * @example
 * outputOptions(run.summary, 'EUR')[0] // { id: 'npv', label: 'NPV (EUR)', unit: 'currency', group: 'Results' }
 */
export function outputOptions(summary: RunSummary | null | undefined, currency: string): OutputOption[] {
  const outputs = summary ? Object.values(summary.outputs) : [{ id: 'npv', label: 'NPV', unit: 'currency' }];
  return outputs.map((output) => {
    const group = output.id.startsWith('metric.') ? 'Custom metrics' : output.id.startsWith('pilot') ? 'Pilot' : 'Results';
    const name = NAMES[output.id] ?? output.label;
    return { id: output.id, label: `${name} (${unitInWords(output.id, output.unit, currency)})`, unit: output.unit, group };
  });
}

/**
 * Formats a value of an output in its unit: money in the case currency, ratios as
 * percentages, months with one decimal, metrics in their own unit; `signed` for differences.
 *
 * @example
 * formatOutputValue(format, 14.25, 'months') // '14.3 months'
 */
export function formatOutputValue(format: CaseFormat, value: number, unit: string, signed = false): string {
  if (unit === 'currency') return signed ? format.moneySigned(value) : format.money(value);
  const sign = signed && value > 0 ? '+' : '';
  if (unit === 'ratio') return `${sign}${format.percent(value, 1)}`;
  if (unit === 'months') return Number.isFinite(value) ? `${sign}${value.toFixed(1)} months` : format.value(value);
  return `${sign}${formatUnitValue(format, value, unit)}`;
}

export interface OutputPickerProps {
  /** The run (or preview) summary whose outputs are offered; null offers NPV only. */
  summary: RunSummary | null | undefined;
  currency: string;
  value: string;
  onChange: (id: string) => void;
  label?: string;
  /** Outputs this analysis cannot target are listed, disabled, with `disabledReason` below. */
  allowed?: (id: string) => boolean;
  disabledReason?: string;
}

/**
 * Picks the output an analysis targets: NPV, ROI, paybacks, IRR, pilot figures or any
 * custom metric of the case, as the API's `output` field takes them.
 */
export const OutputPicker: Component<OutputPickerProps> = (props) => {
  const id = createUniqueId();
  const options = () => outputOptions(props.summary, props.currency);
  const groups = () => (['Results', 'Pilot', 'Custom metrics'] as const).filter((group) => options().some((option) => option.group === group));
  const allowed = (outputId: string): boolean => props.allowed?.(outputId) ?? true;
  return (
    <div class="field output-picker">
      <label for={id}>{props.label ?? 'Output'}</label>
      <select
        id={id}
        value={props.value}
        aria-describedby={props.disabledReason ? `${id}-reason` : undefined}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <For each={groups()}>
          {(group) => (
            <optgroup label={group}>
              <For each={options().filter((option) => option.group === group)}>
                {(option) => (
                  <option value={option.id} selected={option.id === props.value} disabled={!allowed(option.id)}>
                    {option.label}
                  </option>
                )}
              </For>
            </optgroup>
          )}
        </For>
      </select>
      <Show when={props.disabledReason}>
        <span id={`${id}-reason`} class="field-hint">
          {props.disabledReason}
        </span>
      </Show>
    </div>
  );
};

/** How a chart names and formats the output it shows (NPV in the case currency unless told). */
export interface OutputAxis {
  /** The output's name in words, e.g. "Discounted payback". */
  name: string;
  /** Its unit in words, e.g. "months". */
  unit: string;
  value: (value: number) => string;
  compact: (value: number) => string;
}

/**
 * The chart axis of an output: its name, unit and formatters.
 *
 * @example
 * outputAxis(format, 'npv', 'currency', 'NPV').unit // 'EUR'
 */
export function outputAxis(format: CaseFormat, id: string, unit: string, label?: string, horizonMonths?: number): OutputAxis {
  const name = NAMES[id] ?? label ?? id;
  // Paybacks that never come within the horizon are drawn at horizon + 1 month.
  const beyond = (v: unknown): boolean => unit === 'months' && horizonMonths !== undefined && typeof v === 'number' && v > horizonMonths;
  if (unit === 'currency') return { name, unit: format.currency, value: (v) => format.money(v), compact: (v) => format.moneyCompact(v) };
  return {
    name,
    unit: unitInWords(id, unit, format.currency),
    value: (v) => (beyond(v) ? `beyond ${horizonMonths} months` : formatOutputValue(format, v, unit)),
    // Anything but a number (never expected) is shown as it is rather than breaking the chart.
    compact: (v) =>
      typeof v !== 'number'
        ? String(v)
        : beyond(v)
          ? `>${horizonMonths}`
          : unit === 'ratio'
            ? format.percent(v, 0)
            : unit === 'months'
              ? v.toFixed(0)
              : formatUnitValue(format, v, unit, true),
  };
}

/**
 * A chart value from a stored analysis: JSON carries ±∞ as the strings "Infinity" and
 * "-Infinity". A payback that never comes is drawn at horizon + 1 month and an IRR of −∞
 * at −100 %, as the analyses themselves treat them.
 *
 * @example
 * chartValue('Infinity', 'discountedPaybackMonth', 48) // 49
 */
export function chartValue(value: number | string, outputId: string, horizonMonths: number): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (n === Infinity && (outputId === 'paybackMonth' || outputId === 'discountedPaybackMonth')) return horizonMonths + 1;
  if (n === -Infinity && outputId === 'irrAnnual') return -1;
  return n;
}
