import { Resvg } from '@resvg/resvg-js';

/** A rendered chart: PNG bytes and the pixel size it was drawn at. */
export interface ChartImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/**
 * Renders one of the document's SVG charts to PNG at twice its size (crisp when printed),
 * with the system's fonts (DejaVu Sans or Liberation Sans on Debian).
 *
 * @example
 * const image = chartPng(tornadoSvg(chart, 'en-GB'));
 * image.width // 900
 */
export function chartPng(svg: string): ChartImage {
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
  const rendered = resvg.render();
  return { png: rendered.asPng(), width: rendered.width / 2, height: rendered.height / 2 };
}
