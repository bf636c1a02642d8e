import type { CaseFormat } from './format.ts';

/** Units that mean "a share of 1", shown as percentages. */
const SHARE_UNITS = new Set(['share', 'ratio', 'probability', 'fraction', '%', 'share/year', 'rate', 'share/month']);

/** Whether a unit string is a money amount in the case currency (e.g. "EUR", "EUR/month"). */
export function isMoneyUnit(unit: string, currency: string): boolean {
  return unit === currency || unit.startsWith(`${currency}/`) || unit === 'currency';
}

/**
 * A value in its unit: money units in the case currency, shares as percentages, anything
 * else as a number followed by its unit.
 *
 * @example
 * formatUnitValue(caseFormat('EUR'), 38.5, 'EUR/hour') // '€39/hour'
 * formatUnitValue(caseFormat('EUR'), 0.42, 'share') // '42%'
 * formatUnitValue(caseFormat('EUR'), 2, 'EUR/month', true) // '€2.00' (an axis tick: the axis names the unit)
 */
export function formatUnitValue(format: CaseFormat, value: number, unit: string, compact = false): string {
  if (!Number.isFinite(value)) return format.value(value);
  if (isMoneyUnit(unit, format.currency)) {
    // Compact values are axis ticks, whose axis label names the unit: "€2.00/month" four times overlaps.
    const suffix = unit.includes('/') && !compact ? `/${unit.split('/').slice(1).join('/')}` : '';
    const money = Math.abs(value) >= 1000 && compact ? format.moneyCompact(value) : Math.abs(value) < 100 ? moneyWithCents(format, value) : format.money(value);
    return `${money}${suffix}`;
  }
  if (SHARE_UNITS.has(unit)) return `${format.percent(value, 1)}${unit === 'share/year' ? '/year' : unit === 'share/month' ? '/month' : ''}`;
  const number = compact && Math.abs(value) >= 10_000 ? compactNumber(format.locale, value) : format.value(value);
  return compact ? number : `${number} ${unit}`;
}

function moneyWithCents(format: CaseFormat, value: number): string {
  return new Intl.NumberFormat(format.locale, { style: 'currency', currency: format.currency, maximumFractionDigits: 2 }).format(value);
}

function compactNumber(locale: string, value: number): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/**
 * A label cut to fit an axis, with an ellipsis; the full text stays in the tooltip.
 *
 * @example
 * truncateLabel('Share of contacts where a drafted reply is usable', 30) // 'Share of contacts where a dra…'
 */
export function truncateLabel(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1).trimEnd()}…` : label;
}
