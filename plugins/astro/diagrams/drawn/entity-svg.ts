import { curveBasis, line } from 'd3-shape';
import { ENTITY_SWATCHES, type EntityChart } from '../../../diagrams/entities.ts';
import type { Theme } from '../svg-store.ts';
import { drawingBox, layOutGraph, type Box, type LaidEdge } from './dagre-layout.ts';
import { entityStyle, MARKER_FILL } from './entity-style.ts';
import { escapeHtml, flat, labelObject, measure, n, type MeasuredLabel } from './flowchart-svg.ts';
import { rectIntersect, type Point } from './node-shapes.ts';
import { DIAGRAM_FONT_STACK } from './diagram-font.ts';
import type { TextMetrics } from './text-metrics.ts';

/** mermaid's settings for entity diagrams (its `er` configuration, and the flowchart wrapping width every label keeps). */
const NODE_SPACING = 140;
const RANK_SPACING = 80;
const VIEW_PADDING = 8;
/** An entity's box: its label and 20 px on either side, 30 px above and below (`er.diagramPadding`, and half again). */
const PADDING_X = 20;
const PADDING_Y = 30;
const NODE_LABEL_WIDTH = 240;
/** Narrower than this, mermaid widens an entity's box to `er.minEntityWidth` (100 px), measuring its label another way: left to mermaid. */
const NARROWEST_LABEL = 75;
const EDGE_LABEL_WIDTH = 200;
const EDGE_FONT_SIZE = 14;

/**
 * Text that reads the same as mermaid's Markdown labels show it: words and the punctuation
 * archsite's entity and service names carry, nothing Markdown would make a list, a link or
 * emphasis of, and no entity code (see escape.ts, `label`).
 */
const PLAIN = /^[\p{L}\p{N}](?:[\p{L}\p{N}().,:'/-]| (?! ))*$/u;
const plain = (text: string) => PLAIN.test(text) && !/^\d+[.)] |:\/\/|www\./i.test(text) && !text.endsWith(' ');

/** The mermaid marker at each end of a relationship of each cardinality (`A ||--o{ B`: one at A, zero or more at B). */
const MARKERS = {
  '1:1': ['onlyOne', 'onlyOne'],
  '1:N': ['onlyOne', 'zeroOrMore'],
  'N:1': ['zeroOrMore', 'onlyOne'],
  'N:M': ['zeroOrMore', 'zeroOrMore'],
} as const;

interface LaidEntity {
  readonly id: string;
  readonly own: boolean;
  readonly label: MeasuredLabel;
  readonly width: number;
  readonly height: number;
  x: number;
  y: number;
}

interface LaidRelation extends LaidEdge<MeasuredLabel> {
  readonly markers: readonly [string, string];
}

/** A laid-out entity diagram: its entities and relations placed, and the box they fill. */
export interface EntityLayout {
  readonly title: string;
  readonly entities: readonly LaidEntity[];
  readonly relations: readonly LaidRelation[];
  readonly box: Box;
}

/** An edge's path: a B-spline through its points (mermaid's `basis` curve); the cardinality markers take no room. */
const curve = line<Point>()
  .x((p) => n(p.x))
  .y((p) => n(p.y))
  .curve(curveBasis);

/**
 * Lays out an entity diagram as mermaid's dagre layout does (see flowchart-svg.ts, which
 * entity diagrams share their layout code with in mermaid): entity boxes sized by mermaid's
 * rules around labels measured in the bundled font, relation labels in its 14 px. Undefined
 * for a diagram this does not draw, which mermaid then draws: laid out by ELK, with an
 * entity related to itself, or with a label Markdown might read otherwise, outside the
 * bundled font, or too short to be sure of.
 */
export function layOutEntities(chart: EntityChart, metrics: TextMetrics): EntityLayout | undefined {
  if (chart.layout !== 'dagre' || chart.direction) return undefined;
  const declared = new Set(chart.entities.map((e) => e.id));
  // An entity related to itself: mermaid lays the loop out around nodes of its own making.
  if (!chart.relations.every((r) => declared.has(r.from) && declared.has(r.to) && r.from !== r.to)) return undefined;
  const labels = [...chart.entities.map((e) => e.label), ...chart.relations.map((r) => r.label).filter(Boolean)];
  if (!plain(chart.title) || !labels.every((text) => plain(text) && metrics.measurable(text))) return undefined;

  const ids = new Map<string, string>();
  const entities: LaidEntity[] = [];
  for (const [index, entity] of chart.entities.entries()) {
    if (metrics.width(entity.label, 16) < NARROWEST_LABEL) return undefined;
    const label = measure([{ text: entity.label, bold: false, small: false }], NODE_LABEL_WIDTH, metrics);
    const id = `entity-${entity.id}-${index}`;
    ids.set(entity.id, id);
    entities.push({ id, own: entity.own, label, width: label.width + 2 * PADDING_X, height: label.height + 2 * PADDING_Y, x: 0, y: 0 });
  }
  const relations: LaidRelation[] = chart.relations.map((r, index) => ({
    // Numbered across the diagram, not by pair as flowchart edges are.
    id: `id_${ids.get(r.from)}_${ids.get(r.to)}_${index}`,
    markers: MARKERS[r.cardinality],
    label: r.label ? measure([{ text: r.label, bold: false, small: false }], EDGE_LABEL_WIDTH, metrics, 0, EDGE_FONT_SIZE) : undefined,
    points: [],
    x: 0,
    y: 0,
  }));
  const placed = layOutGraph(
    entities.map(({ id, width, height }) => ({ id, width, height, intersect: (to: Point) => rectIntersect(width, height, to) })),
    relations.map(({ id, label }, index) => ({
      id,
      from: ids.get(chart.relations[index]!.from)!,
      to: ids.get(chart.relations[index]!.to)!,
      label,
    })),
    { rankdir: 'TB', nodesep: NODE_SPACING, ranksep: RANK_SPACING },
    (points) => curve(points) ?? '',
  );
  for (const laid of entities) ({ x: laid.x, y: laid.y } = placed.nodes.get(laid.id)!);
  for (const [index, laid] of relations.entries()) Object.assign(laid, placed.edges[index]);
  return { title: chart.title, entities, relations, box: drawingBox(entities, relations) };
}

/** Each class's colours (`fill:#1168bd,stroke:#0b4884,color:#ffffff`) as their parts. */
const SWATCHES = new Map(
  (['own', 'entity'] as const).map((name) => {
    const parts = new Map(ENTITY_SWATCHES[name].split(',').map((part) => part.split(':') as [string, string]));
    return [name, { fill: parts.get('fill')!, stroke: parts.get('stroke')!, color: parts.get('color')! }] as const;
  }),
);

function entitySvg(laid: LaidEntity, svgId: string): string {
  const { fill, stroke, color } = SWATCHES.get(laid.own ? 'own' : 'entity')!;
  return (
    `<g class="node default ${laid.own ? 'own' : 'entity'}" id="${svgId}-${laid.id}" data-look="neo" transform="translate(${n(laid.x)}, ${n(laid.y)})">` +
    `<rect class="basic label-container" style="fill:${fill} !important;stroke:${stroke} !important" x="${n(-laid.width / 2)}" y="${n(-laid.height / 2)}" width="${n(laid.width)}" height="${n(laid.height)}"></rect>` +
    `<g class="label" style="color:${color} !important" transform="translate(${n(-laid.label.width / 2)}, ${n(-laid.label.height / 2)})">` +
    `${labelObject(laid.label, 'nodeLabel markdown-node-label', color, false)}</g></g>`
  );
}

function relationSvg(laid: LaidRelation, svgId: string): { path: string; label: string } {
  const [start, end] = laid.markers;
  const path =
    `<path d="${curve(laid.points) ?? ''}" id="${svgId}-${laid.id}" class="edge-thickness-normal edge-pattern-solid relationshipLine"` +
    ` data-edge="true" data-et="edge" data-id="${laid.id}" data-look="neo" marker-start="url(#${svgId}_er-${start}Start)" marker-end="url(#${svgId}_er-${end}End)"></path>`;
  const label = laid.label
    ? `<g class="edgeLabel" transform="translate(${n(laid.x)}, ${n(laid.y)})"><g class="label" data-id="${laid.id}" transform="translate(${n(-laid.label.width / 2)}, ${n(-laid.label.height / 2)})">${labelObject(laid.label, 'edgeLabel', undefined, true)}</g></g>`
    : '';
  return { path, label };
}

/** mermaid's cardinality markers, both ends, for the cardinalities archsite writes. */
function markers(svgId: string, theme: Theme): string {
  const fill = MARKER_FILL[theme];
  const marker = (name: string, ref: string, size: string, body: string) =>
    `<defs><marker id="${svgId}_er-${name}" class="marker ${name.replace(/(Start|End)$/, '')} er" ${ref} ${size} orient="auto" markerUnits="userSpaceOnUse">${body}</marker></defs>`;
  return [
    marker(
      'onlyOneStart',
      'refX="0" refY="9"',
      'markerWidth="18" markerHeight="18"',
      '<path d="M9,0 L9,18 M15,0 L15,18" stroke-width="1"></path>',
    ),
    marker(
      'onlyOneEnd',
      'refX="18" refY="9"',
      'markerWidth="18" markerHeight="18"',
      '<path d="M3,0 L3,18 M9,0 L9,18" stroke-width="1"></path>',
    ),
    marker(
      'zeroOrMoreStart',
      'refX="18" refY="18"',
      'markerWidth="57" markerHeight="36"',
      `<circle fill="${fill}" cx="45.5" cy="18" r="6" stroke-width="1"></circle><path d="M0,18 Q18,0 36,18 Q18,36 0,18" stroke-width="1"></path>`,
    ),
    marker(
      'zeroOrMoreEnd',
      'refX="39" refY="18"',
      'markerWidth="57" markerHeight="36"',
      `<circle fill="${fill}" cx="11" cy="18" r="6" stroke-width="1"></circle><path d="M21,18 Q39,0 57,18 Q39,36 21,18" stroke-width="1"></path>`,
    ),
  ].join('');
}

/**
 * The SVG of a laid-out entity diagram in a theme, shaped as mermaid's own: entities as
 * `g.node` with `-entity-<id>-<n>` ids, relations with `data-id="id_<from>_<to>_<n>"` and
 * mermaid's cardinality markers at their ends.
 */
export function entityDiagramSvg(layout: EntityLayout, svgId: string, theme: Theme): string {
  const { box } = layout;
  const width = n(box.width + 2 * VIEW_PADDING);
  const height = n(box.height + 2 * VIEW_PADDING);
  const relations = layout.relations.map((r) => relationSvg(r, svgId));
  return (
    `<svg id="${svgId}" width="100%" xmlns="http://www.w3.org/2000/svg" class="erDiagram" style="max-width: ${width}px;"` +
    ` viewBox="${n(box.x - VIEW_PADDING)} ${n(box.y - VIEW_PADDING)} ${width} ${height}" role="graphics-document document" aria-roledescription="er" aria-labelledby="chart-title-${svgId}">` +
    `<title id="chart-title-${svgId}">${escapeHtml(flat(layout.title))}</title>` +
    `<style>${entityStyle(svgId, theme, DIAGRAM_FONT_STACK)}</style>` +
    `<g>${markers(svgId, theme)}<g class="root"><g class="clusters"></g><g class="edgePaths">${relations.map((r) => r.path).join('')}</g>` +
    `<g class="edgeLabels">${relations.map((r) => r.label).join('')}</g>` +
    `<g class="nodes">${layout.entities.map((e) => entitySvg(e, svgId)).join('')}</g></g></g></svg>`
  );
}
