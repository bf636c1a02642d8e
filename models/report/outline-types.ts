// The business case document as data: sections of blocks, rendered by the web page and
// the DOCX writer alike, so both show the same figures in the same order.

/** One block of a section. */
export type OutlineBlock =
  | { kind: 'paragraph'; text: string; strong?: string }
  | { kind: 'facts'; rows: [label: string, value: string][] }
  | { kind: 'table'; caption: string; header: string[]; rows: string[][]; footer?: string[]; numeric?: number[] }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | { kind: 'warning'; text: string }
  | { kind: 'chart'; chart: ChartId; caption: string };

/** The charts the document draws from the run and its analyses. */
export type ChartId = 'costByYear' | 'tornado' | 'evppi';

export interface OutlineSection {
  id: string;
  heading: string;
  /** Sub-headed parts are rendered as level-3 headings inside the section. */
  blocks: (OutlineBlock | { kind: 'subheading'; text: string })[];
}

/** The numbers behind each chart (already the engine's, formatted only when drawn). */
export interface OutlineCharts {
  costByYear: { years: string[]; series: { label: string; values: number[] }[]; currency: string } | null;
  tornado: { baseline: number; bars: { label: string; low: number; high: number }[]; currency: string } | null;
  evppi: { rows: { label: string; evppi: number; cost: number | null }[]; currency: string } | null;
}

/** The whole document. */
export interface BusinessCaseOutline {
  title: string;
  subtitle: string;
  sections: OutlineSection[];
  charts: OutlineCharts;
  /** How to reproduce every number. */
  footer: string;
}
