/**
 * Chart colours and patterns. Colours pass WCAG AA against white and every encoding
 * that matters also has a label, a pattern or a line style, so nothing relies on
 * colour alone.
 */
export const CHART_COLORS = {
  primary: '#1d3d63',
  primaryLight: '#8fb0d4',
  band: '#c9d8ea',
  positive: '#1f6f4a',
  negative: '#b42318',
  negativeLight: '#f3c7c2',
  neutral: '#5b6575',
  ink: '#1a2230',
  grid: '#e4e7ec',
  accent: '#9a5b00',
} as const;

/** Ten distinguishable category colours (cost taxonomy), ordered for adjacent contrast. */
export const CATEGORY_COLORS = ['#1d3d63', '#2a7f8f', '#9a5b00', '#6b4c9a', '#b42318', '#3f7f2b', '#a23b72', '#4d6a85', '#7a6a1f', '#8a8f99'];

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Adds a diagonal hatch pattern to a Plot SVG, so "loss" areas read without colour. */
export function addHatchPattern(svg: Element, id: string, color: string): void {
  const root = svg.tagName.toLowerCase() === 'svg' ? svg : svg.querySelector('svg');
  if (!root) return;
  const defs = document.createElementNS(SVG_NS, 'defs');
  const pattern = document.createElementNS(SVG_NS, 'pattern');
  pattern.setAttribute('id', id);
  pattern.setAttribute('patternUnits', 'userSpaceOnUse');
  pattern.setAttribute('width', '6');
  pattern.setAttribute('height', '6');
  pattern.setAttribute('patternTransform', 'rotate(45)');
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '6');
  background.setAttribute('height', '6');
  background.setAttribute('fill', CHART_COLORS.negativeLight);
  const line = document.createElementNS(SVG_NS, 'line');
  line.setAttribute('x1', '0');
  line.setAttribute('y1', '0');
  line.setAttribute('x2', '0');
  line.setAttribute('y2', '6');
  line.setAttribute('stroke', color);
  line.setAttribute('stroke-width', '2');
  pattern.append(background, line);
  defs.append(pattern);
  root.prepend(defs);
}
