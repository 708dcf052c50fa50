import { curveBasis, line } from 'd3-shape';
import {
  SWATCHES,
  flowchartIds,
  layoutOf,
  nodeLabelLines,
  type FlowEdge,
  type FlowNode,
  type Flowchart,
} from '../../../diagrams/flowchart.ts';
import { UNDRAWN_CHARACTERS } from '../../../diagrams/escape.ts';
import type { Theme } from '../svg-store.ts';
import { drawingBox, layOutGraph, type Box, type LaidEdge } from './dagre-layout.ts';
import { nodeShape, type NodeShape, type Point } from './node-shapes.ts';
import { DIAGRAM_FONT_STACK } from './diagram-font.ts';
import type { TextMetrics } from './text-metrics.ts';
import { flowchartStyle } from './flowchart-style.ts';

/** The flowchart settings every diagram is drawn with (see svg-store.ts, `mermaidConfig`). */
const NODE_SPACING = 40;
const RANK_SPACING = 50;
/** mermaid's padding around the drawing, in its viewBox. */
const VIEW_PADDING = 8;
/** Wider than these, a node's or an edge label's line is broken at its spaces (mermaid's `wrappingWidth` and its edge labels' width). */
const NODE_LABEL_WIDTH = 240;
/** Narrower than this, a node's label is widened to it, its lines centred (mermaid's minimum for node labels). */
const NODE_LABEL_MIN_WIDTH = 120;
const EDGE_LABEL_WIDTH = 200;
const FONT_SIZE = 16;

/** A coordinate as mermaid writes it: to the thousandth. */
export const n = (value: number) => Number(value.toFixed(3));

export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A label's lines once broken to fit: each with its markup and its text, for its width and its accessible name. */
export interface Line {
  readonly text: string;
  readonly bold: boolean;
  readonly small: boolean;
}

export interface MeasuredLabel {
  readonly lines: readonly Line[];
  readonly width: number;
  readonly height: number;
}

/**
 * Breaks a line at its spaces where it is wider than `max`, as a browser fills a line: as
 * many words as fit, then the next line. A word wider than `max` stands on a line of its own.
 */
function wrap(line: Line, max: number, metrics: TextMetrics, fontSize = FONT_SIZE): Line[] {
  const size = line.small ? fontSize / 1.2 : fontSize;
  const weight = line.bold ? 700 : 400;
  if (metrics.width(line.text, size, weight) <= max) return [line];
  const lines: Line[] = [];
  let current = '';
  for (const word of line.text.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && metrics.width(candidate, size, weight) > max) {
      lines.push({ ...line, text: current });
      current = word;
    } else current = candidate;
  }
  if (current) lines.push({ ...line, text: current });
  return lines;
}

/**
 * A label's lines broken to fit, and its size, in a font of `fontSize` (`<small>` lines the
 * next size down, as browsers compute `smaller`). Every line is 1.5 times the font high,
 * `<small>` lines too (they sit within the line's strut). Where a line had to be broken, the label is
 * `max` wide whatever its lines (mermaid then sets the label's width to its maximum and lets
 * the lines wrap in it), or wider where one word is.
 */
export function measure(lines: readonly Line[], max: number, metrics: TextMetrics, min = 0, fontSize = FONT_SIZE): MeasuredLabel {
  const wrapped = lines.flatMap((l) => wrap(l, max, metrics, fontSize));
  const widest = Math.max(0, ...wrapped.map((l) => metrics.width(l.text, l.small ? fontSize / 1.2 : fontSize, l.bold ? 700 : 400)));
  const width = wrapped.length > lines.length ? Math.max(max, widest) : Math.max(min, widest);
  return { lines: wrapped, width, height: wrapped.length * fontSize * 1.5 };
}

const lineHtml = (l: Line) => {
  const text = escapeHtml(l.text);
  const inner = l.bold ? `<b>${text}</b>` : text;
  return l.small ? `<small>${inner}</small>` : inner;
};

/** What an edge's label says (see diagrams/flowchart.ts, `renderFlowchart`). */
function edgeText(edge: FlowEdge): string | undefined {
  return edge.planned ? (edge.label ? `${edge.label} (planned)` : 'planned') : edge.label;
}

/** Text as a label shows it: control characters and line breaks as spaces, runs of spaces as one (as mermaid's label escaping and HTML do). */
export function flat(text: string): string {
  return text.replace(UNDRAWN_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
}

interface LaidNode {
  readonly node: FlowNode;
  readonly id: string;
  readonly index: number;
  readonly label: MeasuredLabel;
  readonly shape: NodeShape;
  x: number;
  y: number;
}

interface LaidFlowEdge extends LaidEdge<MeasuredLabel> {
  readonly edge: FlowEdge;
}

/** A laid-out flowchart: its nodes and edges placed, and the box they fill. */
export interface FlowchartLayout {
  readonly chart: Flowchart;
  readonly nodes: readonly LaidNode[];
  readonly edges: readonly LaidFlowEdge[];
  readonly box: Box;
}

/**
 * Lays a small flowchart out in Node, as mermaid's dagre layout does in a browser: the same
 * node sizes (labels measured in the bundled font, shapes sized by mermaid's rules) handed to
 * the same layout code (dagre-d3-es, which mermaid draws with) with the same settings.
 * Returns undefined for a chart this does not draw, which mermaid then draws: one laid
 * out by ELK (with groups, or more than a few nodes), or one with text outside the
 * bundled font's characters.
 */
export function layOutFlowchart(chart: Flowchart, metrics: TextMetrics): FlowchartLayout | undefined {
  if (layoutOf(chart) !== 'dagre' || (chart.groups?.length ?? 0) > 0) return undefined;
  const texts = [chart.title, ...chart.nodes.flatMap((node) => nodeLabelLines(node).map((l) => l.text)), ...chart.edges.map(edgeText)];
  if (!texts.every((text) => text === undefined || metrics.measurable(flat(text)))) return undefined;
  const ids = flowchartIds(chart);
  const keys = new Set(chart.nodes.map((node) => node.key));
  // An edge to a node the chart does not list: mermaid would draw a bare box for it; such charts are left to mermaid.
  // An edge from a node to itself: mermaid lays the loop out around nodes of its own making; left to mermaid too.
  if (!chart.edges.every((edge) => keys.has(edge.from) && keys.has(edge.to) && edge.from !== edge.to)) return undefined;

  const nodes: LaidNode[] = chart.nodes.map((node, index) => {
    const lines = nodeLabelLines(node).map((l) => ({ ...l, text: flat(l.text) }));
    const label = measure(lines, NODE_LABEL_WIDTH, metrics, NODE_LABEL_MIN_WIDTH);
    const shape = nodeShape(node.style, label.width, label.height);
    return { node, id: ids.get(node.key)!, index, label, shape, x: 0, y: 0 };
  });
  const counts = new Map<string, number>();
  const edges: LaidFlowEdge[] = chart.edges.map((edge) => {
    const pair = `L_${ids.get(edge.from)}_${ids.get(edge.to)}`;
    const count = counts.get(pair) ?? 0;
    counts.set(pair, count + 1);
    const text = edgeText(edge);
    const label = text ? measure([{ text: flat(text), bold: false, small: false }], EDGE_LABEL_WIDTH, metrics) : undefined;
    // mermaid numbers a pair's first edge 0, and each later one by the edges before it plus one (1 is never used).
    return { edge, id: `${pair}_${count === 0 ? 0 : count + 1}`, label, points: [], x: 0, y: 0 };
  });
  const placed = layOutGraph(
    nodes.map(({ id, shape }) => ({ id, width: shape.width, height: shape.height, intersect: (to: Point) => shape.intersect(to) })),
    edges.map(({ id, edge, label }) => ({ id, from: ids.get(edge.from)!, to: ids.get(edge.to)!, label })),
    { rankdir: chart.direction, nodesep: NODE_SPACING, ranksep: RANK_SPACING },
    (points) => curve(points) ?? '',
  );
  for (const laid of nodes) ({ x: laid.x, y: laid.y } = placed.nodes.get(laid.id)!);
  for (const [index, laid] of edges.entries()) Object.assign(laid, placed.edges[index]);
  const box = drawingBox(
    nodes.map(({ x, y, shape }) => ({ x, y, width: shape.width, height: shape.height })),
    edges,
  );
  return { chart, nodes, edges, box };
}

/** How far mermaid pulls an edge's end back from the box for its arrowhead (`markerOffsets.arrow_point`). */
const ARROW = 4;

/**
 * An edge's x (or y, with `axis` 'y') at each point, as mermaid's `getLineFunctionsWithOffset`
 * gives it for an edge with an arrowhead at its end only: the last point pulled back along
 * the last segment by `ARROW`, and a point just short of the end moved clear of the arrowhead.
 */
function offsetAlong(axis: 'x' | 'y') {
  const other = axis === 'x' ? 'y' : 'x';
  return (p: Point, i: number, data: readonly Point[]): number => {
    const last = data[data.length - 1]!;
    let offset = 0;
    if (i === data.length - 1 && data.length > 1) {
      const before = data[data.length - 2]!;
      const dx = before.x - last.x;
      const dy = before.y - last.y;
      const angle = Math.atan(dy / dx);
      offset = axis === 'x' ? ARROW * Math.cos(angle) * (dx >= 0 ? 1 : -1) : ARROW * Math.abs(Math.sin(angle)) * (dy >= 0 ? 1 : -1);
    }
    const toEnd = Math.abs(p[axis] - last[axis]);
    if (toEnd < ARROW && toEnd > 0 && Math.abs(p[other] - last[other]) < ARROW) {
      const forward = data[0]![axis] < last[axis];
      offset -= (ARROW + 1 - toEnd) * (forward ? 1 : -1);
    }
    return n(p[axis] + offset);
  };
}

/** An edge's path: a B-spline through its points (mermaid's `basis` curve), its end pulled back for the arrowhead. */
const curve = line<Point>().x(offsetAlong('x')).y(offsetAlong('y')).curve(curveBasis);

/** The label's lines in a `foreignObject` of its measured size, as mermaid writes an HTML label. */
export function labelObject(label: MeasuredLabel, spanClass: string, color: string | undefined, background: boolean): string {
  const colour = color ? `color: ${color} !important; ` : '';
  return (
    `<foreignObject width="${n(label.width)}" height="${n(label.height)}">` +
    `<div xmlns="http://www.w3.org/1999/xhtml"${background ? ' class="labelBkg"' : ''} style="${colour}display: table-cell; white-space: nowrap; line-height: 1.5; text-align: center;">` +
    `<span class="${spanClass}"${color ? ` style="color:${color} !important"` : ''}><p>${label.lines.map(lineHtml).join('<br>')}</p></span></div></foreignObject>`
  );
}

function nodeSvg(laid: LaidNode, svgId: string): string {
  const { node, shape, label } = laid;
  const swatch = SWATCHES[node.style];
  const dash = node.planned ? ';stroke-dasharray:5 5' : '';
  const width = swatch.strokeWidth ? `;stroke-width:${swatch.strokeWidth}` : '';
  const style = `fill:${swatch.fill} !important;stroke:${swatch.stroke} !important${width}${dash}`;
  const outline = `<path class="basic label-container outer-path" d="${shape.path}" style="${style}"></path>`;
  const rim = shape.rim
    ? `<path class="basic label-container" d="${shape.rim}" style="fill:none !important;stroke:${swatch.stroke} !important${width}"></path>`
    : '';
  const labelSvg =
    `<g class="label"${swatch.color ? ` style="color:${swatch.color} !important"` : ''} transform="translate(${n(shape.label.x - label.width / 2)}, ${n(shape.label.y - label.height / 2)})">` +
    labelObject(label, 'nodeLabel', swatch.color, false) +
    '</g>';
  const classes = `node default ${node.style}${node.link ? ' clickable' : ''}`;
  const place = `transform="translate(${n(laid.x)}, ${n(laid.y)})"`;
  const group = (attributes: string) =>
    `<g class="${classes}" id="${svgId}-flowchart-${laid.id}-${laid.index}"${attributes}>${outline}${rim}${labelSvg}</g>`;
  if (!node.link) return group(` ${place}`);
  const name = label.lines.map((l) => l.text);
  // Lines broken to fit are one line of the label again in its accessible name.
  const spoken = nodeLabelLines(node)
    .map((l) => flat(l.text))
    .filter(Boolean);
  return `<a aria-label="${escapeHtml((spoken.length > 0 ? spoken : name).join(', '))}" xlink:href="${escapeHtml(node.link)}" ${place}>${group('')}</a>`;
}

function edgeSvg(laid: LaidFlowEdge, svgId: string): { path: string; label: string } {
  const pattern = laid.edge.async ? 'edge-pattern-dotted' : 'edge-pattern-solid';
  const style = laid.edge.planned ? ' style="stroke-dasharray:8 4"' : '';
  const path =
    `<path d="${curve(laid.points) ?? ''}" id="${svgId}-${laid.id}" class="edge-thickness-normal ${pattern} flowchart-link"${style}` +
    ` data-edge="true" data-et="edge" data-id="${laid.id}" marker-end="url(#${svgId}_flowchart-v2-pointEnd)"></path>`;
  const label = laid.label
    ? `<g class="edgeLabel" transform="translate(${n(laid.x)}, ${n(laid.y)})"><g class="label" data-id="${laid.id}" transform="translate(${n(-laid.label.width / 2)}, ${n(-laid.label.height / 2)})">${labelObject(laid.label, 'edgeLabel', undefined, true)}</g></g>`
    : '';
  return { path, label };
}

/**
 * The SVG of a laid-out flowchart in a theme, shaped as mermaid's own (the groups, classes,
 * ids and data attributes that the site's scripts and styles read: `g.node` with
 * `-flowchart-<id>-<n>` ids, edges with `data-id="L_<from>_<to>_<n>"`, dotted edges by their
 * class, links on `<a>`), so a figure behaves the same whichever drew it.
 */
export function flowchartSvg(layout: FlowchartLayout, svgId: string, theme: Theme): string {
  const { box } = layout;
  const viewX = n(box.x - VIEW_PADDING);
  const viewY = n(box.y - VIEW_PADDING);
  const width = n(box.width + 2 * VIEW_PADDING);
  const height = n(box.height + 2 * VIEW_PADDING);
  const edges = layout.edges.map((e) => edgeSvg(e, svgId));
  return (
    `<svg id="${svgId}" width="100%" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="flowchart" style="max-width: ${width}px;"` +
    ` viewBox="${viewX} ${viewY} ${width} ${height}" role="graphics-document document" aria-roledescription="flowchart-v2" aria-labelledby="chart-title-${svgId}">` +
    `<title id="chart-title-${svgId}">${escapeHtml(flat(layout.chart.title))}</title>` +
    `<style>${flowchartStyle(svgId, theme, DIAGRAM_FONT_STACK)}</style>` +
    `<g><marker id="${svgId}_flowchart-v2-pointEnd" class="marker flowchart-v2" viewBox="0 0 11.5 14" refX="11.5" refY="7" markerUnits="userSpaceOnUse" markerWidth="10.5" markerHeight="14" orient="auto">` +
    `<path d="M 0 0 L 11.5 7 L 0 14 z" class="arrowMarkerPath" style="stroke-width: 0; stroke-dasharray: 1, 0;"></path></marker></g>` +
    `<g class="root"><g class="clusters"></g><g class="edgePaths">${edges.map((e) => e.path).join('')}</g>` +
    `<g class="edgeLabels">${edges.map((e) => e.label).join('')}</g>` +
    `<g class="nodes">${layout.nodes.map((laid) => nodeSvg(laid, svgId)).join('')}</g></g></svg>`
  );
}
