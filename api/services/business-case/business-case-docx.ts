import { AlignmentType, Document, Footer, HeadingLevel, ImageRun, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { BusinessCaseOutline, ChartId, OutlineBlock, OutlineSection } from '../../../models/report/outline-types.ts';
import { chartPng, type ChartImage } from './chart-png.ts';
import { costByYearSvg, evppiSvg, tornadoSvg } from '../../../models/report/chart-svg.ts';

/** The media type of a Word document. */
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Text width of an A4 page with 2 cm margins, in points (the image width). */
const TEXT_WIDTH_PT = 480;
/** The same width in twentieths of a point, for table columns. */
const TEXT_WIDTH_TWIPS = 11906 - 2 * 1134;

/**
 * Column widths in twips: a table of figures gives its label column 30 % (22 % when wide) and shares the
 * rest; a table of text shares the width equally; facts are 38 % label, 62 % value.
 */
function columnWidths(count: number, figures: boolean): number[] {
  if (count <= 1) return [TEXT_WIDTH_TWIPS];
  const first = figures ? (count > 5 ? 0.22 : 0.3) : 1 / count;
  const rest = (1 - first) / (count - 1);
  return [first, ...Array.from({ length: count - 1 }, () => rest)].map((share) => Math.floor(share * TEXT_WIDTH_TWIPS));
}

function chartImages(outline: BusinessCaseOutline, locale: string): Partial<Record<ChartId, ChartImage>> {
  const { charts } = outline;
  return {
    ...(charts.costByYear && { costByYear: chartPng(costByYearSvg(charts.costByYear, locale)) }),
    ...(charts.tornado && { tornado: chartPng(tornadoSvg(charts.tornado, locale)) }),
    ...(charts.evppi && { evppi: chartPng(evppiSvg(charts.evppi, locale)) }),
  };
}

const cell = (text: string, options: { header?: boolean; right?: boolean; size?: number } = {}): TableCell =>
  new TableCell({
    children: [
      new Paragraph({
        alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.header, size: options.size ?? 18 })],
      }),
    ],
    ...(options.header && { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF3' } }),
  });

function table(block: Extract<OutlineBlock, { kind: 'table' }>): (Paragraph | Table)[] {
  const numeric = new Set(block.numeric ?? []);
  // Wide tables of figures (cost by year) print a point smaller, so amounts stay on one line.
  const size = block.header.length > 5 ? 15 : 18;
  const row = (cells: string[], header = false) =>
    new TableRow({ tableHeader: header, children: cells.map((text, i) => cell(text, { header, right: numeric.has(i), size })) });
  return [
    new Paragraph({ children: [new TextRun({ text: block.caption, italics: true, size: 18 })], spacing: { before: 120, after: 60 } }),
    new Table({
      width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
      columnWidths: columnWidths(block.header.length, numeric.size > 0),
      rows: [row(block.header, true), ...block.rows.map((cells) => row(cells)), ...(block.footer ? [row(block.footer, true)] : [])],
    }),
  ];
}

function blockParts(block: OutlineSection['blocks'][number], images: Partial<Record<ChartId, ChartImage>>): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'subheading':
      return [new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_3 })];
    case 'paragraph':
      return [
        new Paragraph({
          children: [...(block.strong ? [new TextRun({ text: `${block.strong} `, bold: true })] : []), new TextRun(block.text)],
          spacing: { after: 120 },
        }),
      ];
    case 'warning':
      return [new Paragraph({ children: [new TextRun({ text: `⚠ ${block.text}`, color: '8A4B00' })], spacing: { after: 120 } })];
    case 'list':
      return block.items.map((item, i) => new Paragraph({ children: [new TextRun(`${block.ordered ? `${i + 1}.` : '•'} ${item}`)], indent: { left: 360 } }));
    case 'facts':
      return [
        new Table({
          width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
          columnWidths: [Math.floor(0.38 * TEXT_WIDTH_TWIPS), Math.floor(0.62 * TEXT_WIDTH_TWIPS)],
          rows: block.rows.map(([label, value]) => new TableRow({ children: [cell(label, { header: true }), cell(value)] })),
        }),
        new Paragraph({ text: '' }),
      ];
    case 'table':
      return table(block);
    case 'chart': {
      const image = images[block.chart];
      if (!image) return [];
      const height = Math.round((TEXT_WIDTH_PT * image.height) / image.width);
      return [
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: image.png,
              transformation: { width: TEXT_WIDTH_PT, height },
              altText: { name: block.chart, description: block.caption, title: block.caption },
            }),
          ],
        }),
        new Paragraph({ children: [new TextRun({ text: `Figure: ${block.caption}`, italics: true, size: 18 })], spacing: { after: 160 } }),
      ];
    }
  }
}

/**
 * The business case as an editable Word document: the outline's sections as headings,
 * paragraphs and tables, its charts as PNG images, the reproduction line in the footer.
 *
 * @example
 * const bytes = await businessCaseDocx(businessCaseOutline(inputs), 'en-GB');
 */
export async function businessCaseDocx(outline: BusinessCaseOutline, locale: string): Promise<Uint8Array<ArrayBuffer>> {
  const images = chartImages(outline, locale);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: outline.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: outline.subtitle, color: '555555' })], spacing: { after: 240 } }),
  ];
  for (const section of outline.sections) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1, spacing: { before: 240 } }));
    for (const block of section.blocks) children.push(...blockParts(block, images));
  }
  children.push(new Paragraph({ children: [new TextRun({ text: outline.footer, size: 16, color: '555555' })], spacing: { before: 240 } }));
  const document = new Document({
    creator: 'valuegate',
    title: outline.title,
    description: outline.subtitle,
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun({ text: outline.title, size: 16, color: '777777' })] })] }) },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
