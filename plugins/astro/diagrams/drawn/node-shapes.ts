import type { NodeStyle } from '../../../diagrams/flowchart.ts';

/** A point in a diagram's coordinates. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * A node's box as mermaid draws its shape around a label of a given size: the size the
 * layout reserves, the outline (centred on the node), and where the label sits.
 * The sizes follow mermaid's own shapes for flowcharts (its `neo` look, mermaid 12), so a
 * box drawn here is the size mermaid draws it.
 */
export interface NodeShape {
  readonly width: number;
  readonly height: number;
  /** SVG path data of the outline, around (0, 0). */
  readonly path: string;
  /** A second line drawn over the outline (a cylinder's rim), or none. */
  readonly rim?: string | undefined;
  /** The label's centre, from the node's centre. */
  readonly label: Point;
  /** Where the line from the node's centre towards `to` leaves the outline, from the node's centre. */
  intersect(to: Point): Point;
}

const n = (value: number) => Number(value.toFixed(3));

/** The point where the ray from the centre towards `to` leaves a centred rectangle (dagre's and mermaid's rule). */
export function rectIntersect(width: number, height: number, to: Point): Point {
  let w = width / 2;
  let h = height / 2;
  const { x: dx, y: dy } = to;
  if (Math.abs(dy) * w > Math.abs(dx) * h) {
    if (dy < 0) h = -h;
    return { x: dy === 0 ? 0 : (h * dx) / dy, y: h };
  }
  if (dx < 0) w = -w;
  return { x: w, y: dx === 0 ? 0 : (w * dy) / dx };
}

/** The point nearest `to` where the segment from the centre to `to` crosses a polygon's edges. */
function polygonIntersect(points: readonly Point[], to: Point): Point {
  let best: Point | undefined;
  let bestDistance = Infinity;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    const hit = segmentIntersection({ x: 0, y: 0 }, to, a, b);
    if (!hit) continue;
    const distance = Math.hypot(hit.x - to.x, hit.y - to.y);
    if (distance < bestDistance) {
      best = hit;
      bestDistance = distance;
    }
  }
  return best ?? { x: 0, y: 0 };
}

function segmentIntersection(p: Point, q: Point, a: Point, b: Point): Point | undefined {
  const r = { x: q.x - p.x, y: q.y - p.y };
  const s = { x: b.x - a.x, y: b.y - a.y };
  const denominator = r.x * s.y - r.y * s.x;
  if (denominator === 0) return undefined;
  const t = ((a.x - p.x) * s.y - (a.y - p.y) * s.x) / denominator;
  const u = ((a.x - p.x) * r.y - (a.y - p.y) * r.x) / denominator;
  if (t < 0 || t > 1 || u < 0 || u > 1) return undefined;
  return { x: p.x + t * r.x, y: p.y + t * r.y };
}

const polygonPath = (points: readonly Point[]) => `M${points.map((p) => `${n(p.x)},${n(p.y)}`).join('L')}Z`;

/** A rectangle: a service, a system, a component and every box without a shape of its own. */
function rectangle(labelWidth: number, labelHeight: number): NodeShape {
  const width = labelWidth + 32;
  const height = labelHeight + 24;
  return {
    width,
    height,
    path: polygonPath([
      { x: -width / 2, y: -height / 2 },
      { x: width / 2, y: -height / 2 },
      { x: width / 2, y: height / 2 },
      { x: -width / 2, y: height / 2 },
    ]),
    label: { x: 0, y: 0 },
    intersect: (to) => rectIntersect(width, height, to),
  };
}

/** An event: a flag, notched on the left (mermaid's `>text]`). */
function flag(labelWidth: number, labelHeight: number): NodeShape {
  const h = labelHeight + 24;
  const w = labelWidth + 42;
  // mermaid draws the notch outside the label's box and then moves the shape right by an eighth of its height.
  const shift = h / 8;
  const x = -w / 2 + shift;
  const points = [
    { x: x - h / 4, y: -h / 2 },
    { x, y: 0 },
    { x: x - h / 4, y: h / 2 },
    { x: w / 2 + shift, y: h / 2 },
    { x: w / 2 + shift, y: -h / 2 },
  ];
  return {
    width: w + h / 4,
    height: h,
    path: polygonPath(points),
    label: { x: shift, y: 0 },
    intersect: (to) => polygonIntersect(points, to),
  };
}

/** 50 points on a half circle, as mermaid's `generateCirclePoints` gives them (mirrored through the centre). */
function arc(centreX: number, radius: number, from: number, to: number): Point[] {
  const start = (from * Math.PI) / 180;
  const step = ((to - from) * Math.PI) / 180 / 49;
  return Array.from({ length: 50 }, (_, i) => ({
    x: -(centreX + radius * Math.cos(start + i * step)),
    y: -(radius * Math.sin(start + i * step)),
  }));
}

/** A person: a stadium (mermaid's `(["text"])`). */
function stadium(labelWidth: number, labelHeight: number): NodeShape {
  const h = labelHeight + 24;
  const inscribed = h * Math.cos(Math.PI / (2 * 49));
  const cap = Math.sqrt(Math.max(0, inscribed ** 2 - labelHeight ** 2));
  const w = Math.max(labelWidth + h / 4 + 40, 1.5 * h + (h - inscribed), labelWidth + 40 + h - cap);
  const r = h / 2;
  // The outline as mermaid meets edges with it: its ends as 50 points each.
  const points = [
    { x: -w / 2 + r, y: -h / 2 },
    { x: w / 2 - r, y: -h / 2 },
    ...arc(-w / 2 + r, r, 90, 270),
    { x: w / 2 - r, y: h / 2 },
    ...arc(w / 2 - r, r, 270, 450),
  ];
  return {
    width: w,
    height: h,
    path:
      `M${n(-w / 2 + r)},${n(-h / 2)}H${n(w / 2 - r)}A${n(r)},${n(r)} 0 0 1 ${n(w / 2 - r)},${n(h / 2)}` +
      `H${n(-w / 2 + r)}A${n(r)},${n(r)} 0 0 1 ${n(-w / 2 + r)},${n(-h / 2)}Z`,
    label: { x: 0, y: 0 },
    intersect: (to) => polygonIntersect(points, to),
  };
}

/** A database: an upright cylinder (mermaid's `[("text")]`). */
function cylinder(labelWidth: number, labelHeight: number): NodeShape {
  const w = labelWidth + 24;
  const rx = w / 2;
  const ry = rx / (2.5 + w / 50);
  const h = labelHeight + 24 + ry;
  const top = -(h / 2 + ry);
  const arc = `${n(rx)},${n(ry)} 0 0 0`;
  return {
    width: w,
    height: h + 2 * ry,
    path: `M${n(-w / 2)},${n(top + ry)}A${arc} ${n(w / 2)},${n(top + ry)}A${arc} ${n(-w / 2)},${n(top + ry)}V${n(top + ry + h)}A${arc} ${n(w / 2)},${n(top + ry + h)}V${n(top + ry)}`,
    label: { x: 0, y: 10 },
    // Where an edge meets the top or the bottom, it meets the curve of the end (mermaid's rule).
    intersect(to) {
      const height = h + 2 * ry;
      const pos = rectIntersect(w, height, to);
      if (Math.abs(pos.x) < w / 2 || (Math.abs(pos.x) === w / 2 && Math.abs(pos.y) > height / 2 - ry)) {
        let y = ry * ry * (1 - (pos.x * pos.x) / (rx * rx));
        if (y > 0) y = Math.sqrt(y);
        y = ry - y;
        return { x: pos.x, y: pos.y + (to.y > 0 ? -y : y) };
      }
      return pos;
    },
  };
}

/** A queue or broker: a cylinder on its side (mermaid's `h-cyl`). */
function lyingCylinder(labelWidth: number, labelHeight: number): NodeShape {
  const h = labelHeight + 12;
  const ry = h / 2;
  const rx = ry / (2.5 + h / 50);
  const w = labelWidth + rx + 12;
  const left = -w / 2;
  const right = w / 2;
  const arc = `${n(rx)},${n(ry)} 0 0 1`;
  return {
    width: w + 2 * rx,
    height: h,
    path: `M${n(left)},${n(h / 2)}A${arc} ${n(left)},${n(-h / 2)}H${n(right)}A${arc} ${n(right)},${n(h / 2)}Z`,
    rim: `M${n(right)},${n(-h / 2)}A${n(rx)},${n(ry)} 0 0 0 ${n(right)},${n(h / 2)}`,
    label: { x: -rx, y: 0 },
    // Where an edge meets an end, it meets the curve of that end (mermaid's rule).
    intersect(to) {
      const width = w + 2 * rx;
      const pos = rectIntersect(width, h, to);
      if (Math.abs(pos.y) < h / 2 || (Math.abs(pos.y) === h / 2 && Math.abs(pos.x) > width / 2 - rx)) {
        let x = rx * rx * (1 - (pos.y * pos.y) / (ry * ry));
        if (x !== 0) x = Math.sqrt(Math.abs(x));
        x = rx - x;
        return { x: pos.x + (to.x > 0 ? -x : x), y: pos.y };
      }
      return pos;
    },
  };
}

/** The shape a node of a style is drawn in, around its label (see diagrams/flowchart.ts, `shape`). */
export function nodeShape(style: NodeStyle, labelWidth: number, labelHeight: number): NodeShape {
  switch (style) {
    case 'person':
      return stadium(labelWidth, labelHeight);
    case 'database':
      return cylinder(labelWidth, labelHeight);
    case 'queue':
      return lyingCylinder(labelWidth, labelHeight);
    case 'event':
      return flag(labelWidth, labelHeight);
    default:
      return rectangle(labelWidth, labelHeight);
  }
}
