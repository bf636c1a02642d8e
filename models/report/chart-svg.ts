import type { OutlineCharts } from './outline-types.ts';

// The document's charts as plain SVG, drawn from the outline's numbers; rendered to PNG by
// chart-png.ts. Fixed size, one font family, no scripts.

const WIDTH = 900;
const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
const PALETTE = ['#1f5f8b', '#e07b39', '#3c9d5d', '#b03a48', '#7a5195', '#c9a227', '#4f9fbf', '#8c6d46', '#5b5b5b', '#d45087'];

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Compact money for axis ticks, e.g. '€1.2M', in the case's locale. */
export function compactMoney(currency: string, locale: string): (value: number) => string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
  return (value) => format.format(value);
}

function ticks(min: number, max: number, count = 5): number[] {
  const span = max - min || 1;
  const step0 = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => span / s <= count) ?? 10 * magnitude;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

/** A text element; `attrs` may set its own font-size and fill over the defaults (13 px, dark grey). */
function text(x: number, y: number, body: string, attrs = ''): string {
  const size = attrs.includes('font-size=') ? '' : ' font-size="13"';
  const fill = attrs.includes('fill=') ? '' : ' fill="#222"';
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="${FONT}"${size}${fill} ${attrs}>${escapeXml(body)}</text>`;
}

function frame(height: number, body: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}"><rect width="${WIDTH}" height="${height}" fill="#ffffff"/>${body.join('')}</svg>`;
}

/**
 * Horizontal bars from a baseline (the tornado) or from zero (EVPPI), labels on the left.
 */
function horizontalBars(
  rows: { label: string; from: number; to: number; color: string; marker?: number }[],
  axis: (v: number) => string,
  zero: number,
  axisLabel: string,
): string {
  const left = 280;
  const right = WIDTH - 30;
  const rowHeight = 30;
  const top = 20;
  const height = top + rows.length * rowHeight + 50;
  const values = rows.flatMap((r) => [r.from, r.to, r.marker ?? r.from]).concat(zero);
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const pad = (max - min) * 0.05 || 1;
  const scale = (v: number) => left + ((v - (min - pad)) / (max - min + 2 * pad)) * (right - left);
  const body: string[] = [];
  for (const t of ticks(min - pad, max + pad)) {
    body.push(`<line x1="${scale(t)}" x2="${scale(t)}" y1="${top}" y2="${top + rows.length * rowHeight}" stroke="#e3e3e3"/>`);
    body.push(text(scale(t), top + rows.length * rowHeight + 18, axis(t), 'text-anchor="middle" font-size="12"'));
  }
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    const [a, b] = [scale(Math.min(row.from, row.to)), scale(Math.max(row.from, row.to))];
    body.push(text(left - 8, y + 19, clip(row.label, 38), 'text-anchor="end"'));
    body.push(`<rect x="${a.toFixed(1)}" y="${y + 5}" width="${Math.max(b - a, 1).toFixed(1)}" height="${rowHeight - 10}" fill="${row.color}"/>`);
    if (row.marker !== undefined)
      body.push(`<line x1="${scale(row.marker)}" x2="${scale(row.marker)}" y1="${y + 2}" y2="${y + rowHeight - 2}" stroke="#222" stroke-width="2"/>`);
  });
  body.push(`<line x1="${scale(zero)}" x2="${scale(zero)}" y1="${top - 5}" y2="${top + rows.length * rowHeight}" stroke="#222" stroke-width="1.5"/>`);
  body.push(text((left + right) / 2, height - 8, axisLabel, 'text-anchor="middle" font-size="12" fill="#555"'));
  return frame(height, body);
}

/**
 * The tornado: NPV with each input at its P10 (light) and P90 (dark), around the baseline.
 *
 * @example
 * tornadoSvg(outline.charts.tornado!, 'en-GB').startsWith('<svg') // true
 */
export function tornadoSvg(chart: NonNullable<OutlineCharts['tornado']>, locale: string): string {
  const money = compactMoney(chart.currency, locale);
  const rows = chart.bars.map((bar) => ({ label: bar.label, from: bar.low, to: bar.high, color: bar.high >= bar.low ? '#1f5f8b' : '#b03a48' }));
  return horizontalBars(rows, money, chart.baseline, `NPV (${chart.currency}); the vertical line is the NPV with every input at its median`);
}

/**
 * EVPPI bars, with each input's measurement cost as a black tick where the case gives one.
 *
 * @example
 * evppiSvg(outline.charts.evppi!, 'en-GB').includes('EVPPI') // true
 */
export function evppiSvg(chart: NonNullable<OutlineCharts['evppi']>, locale: string): string {
  const money = compactMoney(chart.currency, locale);
  const rows = chart.rows.map((row) => ({ label: row.label, from: 0, to: row.evppi, color: '#3c9d5d', ...(row.cost !== null && { marker: row.cost }) }));
  return horizontalBars(rows, money, 0, `EVPPI (${chart.currency}); the black tick is what measuring the input would cost`);
}

/**
 * Stacked columns: expected cost by category, one column per year, with a legend.
 *
 * @example
 * costByYearSvg(outline.charts.costByYear!, 'en-GB').includes('Year 1') // true
 */
export function costByYearSvg(chart: NonNullable<OutlineCharts['costByYear']>, locale: string): string {
  const money = compactMoney(chart.currency, locale);
  const left = 80;
  const plotRight = 560;
  const top = 20;
  const bottom = 300;
  const totals = chart.years.map((_, i) => chart.series.reduce((sum, s) => sum + Math.max(s.values[i], 0), 0));
  const max = Math.max(...totals, 1);
  const scale = (v: number) => bottom - (v / max) * (bottom - top) * 0.95;
  const body: string[] = [];
  for (const t of ticks(0, max)) {
    body.push(`<line x1="${left}" x2="${plotRight}" y1="${scale(t)}" y2="${scale(t)}" stroke="#e3e3e3"/>`);
    body.push(text(left - 6, scale(t) + 4, money(t), 'text-anchor="end" font-size="12"'));
  }
  const band = (plotRight - left) / chart.years.length;
  chart.years.forEach((year, i) => {
    let base = 0;
    chart.series.forEach((series, s) => {
      const value = Math.max(series.values[i], 0);
      if (value === 0) return;
      const [y0, y1] = [scale(base), scale(base + value)];
      body.push(
        `<rect x="${(left + i * band + band * 0.15).toFixed(1)}" y="${y1.toFixed(1)}" width="${(band * 0.7).toFixed(1)}" height="${(y0 - y1).toFixed(1)}" fill="${PALETTE[s % PALETTE.length]}"/>`,
      );
      base += value;
    });
    body.push(text(left + i * band + band / 2, bottom + 18, year, 'text-anchor="middle" font-size="12"'));
  });
  body.push(`<line x1="${left}" x2="${plotRight}" y1="${bottom}" y2="${bottom}" stroke="#222"/>`);
  chart.series.forEach((series, s) => {
    const y = top + s * 22;
    body.push(`<rect x="${plotRight + 20}" y="${y}" width="14" height="14" fill="${PALETTE[s % PALETTE.length]}"/>`);
    body.push(text(plotRight + 40, y + 12, clip(series.label, 40), 'font-size="12"'));
  });
  const height = Math.max(bottom + 40, top + chart.series.length * 22 + 10);
  return frame(height, body);
}
