import { layout as dagreLayout } from 'dagre-d3-es/src/dagre/index.js';
import * as graphlib from 'dagre-d3-es/src/graphlib/index.js';
import type { Point } from './node-shapes.ts';

/** A box to lay out: its size, and where a line from its centre leaves its outline. */
export interface GraphNode {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  /** Where the line from the node's centre towards `to` leaves the outline, from the node's centre. */
  intersect(to: Point): Point;
}

/** An edge to lay out, with its label's size (none: nothing reserved for it). */
export interface GraphEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly label?: { readonly width: number; readonly height: number } | undefined;
}

/** An edge laid out: its points, from outline to outline, and its label's centre. */
export interface PlacedEdge {
  readonly points: Point[];
  readonly x: number;
  readonly y: number;
}

/** A diagram's edge as its drawing keeps it: its id and label, placed by `layOutGraph`. */
export interface LaidEdge<Label extends { readonly width: number; readonly height: number }> {
  readonly id: string;
  readonly label: Label | undefined;
  points: Point[];
  x: number;
  y: number;
}

/** The box a drawing fills, in its own coordinates. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** mermaid's dagre settings: the spacing of the diagram type, and 8 px around the drawing. */
export interface GraphSettings {
  readonly rankdir: 'LR' | 'TB';
  readonly nodesep: number;
  readonly ranksep: number;
}

const MARGIN = 8;

/**
 * Lays a graph out as mermaid's dagre layout does in a browser, for every diagram type it
 * shares it with (flowcharts, entity diagrams): the same layout code (dagre-d3-es) with the
 * same settings, nodes and edges handed over in the same order; then each edge cut to its
 * boxes' outlines, and its label moved with it, as mermaid does. `path` is the edge's SVG
 * path as the diagram draws it, which decides whether the label moves (see `labelPlace`).
 */
export function layOutGraph(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  settings: GraphSettings,
  path: (points: Point[]) => string,
): { nodes: Map<string, Point>; edges: PlacedEdge[] } {
  const graph = new graphlib.Graph({ multigraph: true, compound: true })
    .setGraph({ ...settings, marginx: MARGIN, marginy: MARGIN })
    .setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { width: node.width, height: node.height });
  for (const edge of edges)
    graph.setEdge(
      edge.from,
      edge.to,
      { width: edge.label?.width ?? 0, height: edge.label?.height ?? 0, labelpos: 'c', minlen: 1 },
      edge.id,
    );
  dagreLayout(graph, undefined);

  const placed = new Map(nodes.map((node) => [node.id, graph.node(node.id) as Point]));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const laid = edges.map((edge) => {
    const dagre = graph.edge(edge.from, edge.to, edge.id) as { points: Point[]; x: number; y: number };
    const [from, to] = [placed.get(edge.from)!, placed.get(edge.to)!];
    // The ends meet each box's own outline, not the rectangle dagre reserved for it.
    const inner = dagre.points.slice(1, -1);
    const first = inner[0] ?? to;
    const last = inner.at(-1) ?? from;
    const start = byId.get(edge.from)!.intersect({ x: first.x - from.x, y: first.y - from.y });
    const end = byId.get(edge.to)!.intersect({ x: last.x - to.x, y: last.y - to.y });
    const points = [{ x: from.x + start.x, y: from.y + start.y }, ...inner, { x: to.x + end.x, y: to.y + end.y }];
    return { points, ...labelPlace(dagre, points, path(points)) };
  });
  return { nodes: placed, edges: laid };
}

/** The point halfway along a polyline (mermaid's `calcLabelPosition`, to its rounding). */
function halfway(points: readonly Point[]): Point {
  if (points.length === 1) return points[0]!;
  let length = 0;
  for (let i = 1; i < points.length; i++) length += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  let left = length / 2;
  const round = (value: number) => Math.round(value * 1e5) / 1e5;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    const step = Math.hypot(b.x - a.x, b.y - a.y);
    if (step === 0) return a;
    if (step < left) left -= step;
    else {
      const ratio = left / step;
      if (ratio <= 0) return a;
      if (ratio >= 1) return b;
      return { x: round((1 - ratio) * a.x + ratio * b.x), y: round((1 - ratio) * a.y + ratio * b.y) };
    }
  }
  return points.at(-1)!;
}

/**
 * Where an edge's label goes: where dagre put it, moved as much as the edge's middle moved
 * when its ends were cut to the boxes' outlines. mermaid moves it so only where the
 * middle point of the cut edge is not, by its rounded coordinates, in the path it drew (`path`).
 */
function labelPlace(dagre: { points: Point[]; x: number; y: number }, points: readonly Point[], path: string): Point {
  const middle = points[Math.floor(points.length / 2)]!;
  const d = path.replace(/(\d+\.\d+)/g, (number) => String(Math.round(Number.parseFloat(number))));
  if (d.includes(String(Math.round(middle.x))) || d.includes(String(Math.round(middle.y)))) return { x: dagre.x, y: dagre.y };
  const moved = halfway(points);
  const was = halfway(dagre.points);
  return { x: dagre.x + moved.x - was.x, y: dagre.y + moved.y - was.y };
}

/** The box a drawing fills: its nodes (centred boxes), its edges' points and their labels. */
export function drawingBox(
  boxes: readonly Box[],
  edges: readonly (PlacedEdge & { readonly label?: { readonly width: number; readonly height: number } | undefined })[],
): Box {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (x: number, y: number, width = 0, height = 0) => {
    left = Math.min(left, x - width / 2);
    right = Math.max(right, x + width / 2);
    top = Math.min(top, y - height / 2);
    bottom = Math.max(bottom, y + height / 2);
  };
  for (const box of boxes) add(box.x, box.y, box.width, box.height);
  for (const edge of edges) {
    for (const p of edge.points) add(p.x, p.y);
    if (edge.label) add(edge.x, edge.y, edge.label.width, edge.label.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}
