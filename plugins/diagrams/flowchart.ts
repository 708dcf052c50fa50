import { RELATION_KINDS, relationKind, type RelationKind } from './relation-kinds.ts';
import { href, label, nodeId } from './escape.ts';

/** The C4 look of a node: who or what it is. */
export type { RelationKind };

export type NodeStyle =
  | 'person'
  | 'container'
  | 'neighbour'
  | 'external'
  | 'database'
  | 'queue'
  | 'component'
  | 'system'
  | 'focus'
  | 'deployment-node'
  | 'event'
  | 'domain-core'
  | 'domain-supporting'
  | 'domain-generic';

export interface FlowNode {
  /** Element key (`service:orders`) or any stable key; becomes the mermaid id. */
  readonly key: string;
  readonly name: string;
  /** `[Service: Go]`: what C4 puts under the name. */
  readonly detail?: string | undefined;
  readonly description?: string | undefined;
  readonly style: NodeStyle;
  /** Page the node links to, already under the site's base. */
  readonly link?: string | undefined;
  /** Subgraph key the node sits in. */
  readonly parent?: string | undefined;
  /** Planned or proposed, not built yet: drawn dashed. */
  readonly planned?: boolean | undefined;
}

export interface FlowEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string | undefined;
  /** Asynchronous (events) edges are dotted. */
  readonly async?: boolean;
  /** What an edge that stands for several relations stands for (its label counts them). */
  readonly items?: readonly string[] | undefined;
  /** A relation not made yet (a planned call): drawn with long dashes, and said on its label. */
  readonly planned?: boolean | undefined;
}

export interface FlowGroup {
  readonly key: string;
  readonly title: string;
  readonly parent?: string | undefined;
}

/** Up to this many nodes and without groups, a diagram is laid out by dagre: as clear there, and much faster to draw. */
export const SMALL_DIAGRAM = 12;

/** The front matter that picks a diagram's layout (mermaid's own default differs between diagram types). */
export function layoutFrontMatter(layout: 'elk' | 'dagre'): string[] {
  return ['---', 'config:', `  layout: ${layout}`, '---'];
}

/** That front matter at the start of a diagram's text; the layout is its group 1. */
export const LAYOUT_FRONT_MATTER = /^---\nconfig:\n {2}layout: ([a-z-]+)\n---\n/;

/**
 * ELK for flowcharts with groups or many nodes, where its layered layout and orthogonal
 * routing keep them readable; dagre for small ones (an event's flow, most neighbourhoods),
 * which it draws as well in about half the time: thousands of them at scale.
 */
export function layoutOf(chart: Flowchart): 'elk' | 'dagre' {
  if (chart.layout) return chart.layout;
  return (chart.groups?.length ?? 0) > 0 || chart.nodes.length > SMALL_DIAGRAM ? 'elk' : 'dagre';
}

export interface Flowchart {
  readonly direction: 'LR' | 'TB';
  /** The layout, when the view always wants one: the system-wide views, few and looked at most, always use ELK. */
  readonly layout?: 'elk' | 'dagre';
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
  readonly groups?: readonly FlowGroup[];
  /** Accessible title of the diagram. */
  readonly title: string;
  /** What the view leaves out or draws in short, said under the figure. */
  readonly notes?: readonly string[] | undefined;
  /** Kinds of relation the figure starts with hidden (a switch shows them): a deployment's calls and events bury what runs where. */
  readonly hiddenKinds?: readonly RelationKind[] | undefined;
  /** What its solid and dotted lines stand for, in the legend, where not calls and events (a deployment's). */
  readonly syncLabel?: string | undefined;
  readonly asyncLabel?: string | undefined;
}

/** How a kind of box is drawn, and what the legend calls it. Text on every fill meets WCAG AA (4.5:1). */
interface Swatch {
  readonly fill: string;
  readonly stroke: string;
  /** The text's colour; none for text drawn on the page itself, which takes the theme's own (dark on light, light on dark). */
  readonly color?: string;
  readonly label: string;
  readonly strokeWidth?: string;
  readonly dashed?: boolean;
}

/** C4's palette, with darker greys and blues where C4's own fail contrast, and domain types apart from both. */
export const SWATCHES: Readonly<Record<NodeStyle | 'boundary' | 'planned', Swatch>> = {
  person: { fill: '#08427b', stroke: '#073b6f', color: '#ffffff', label: 'Person' },
  container: { fill: '#1168bd', stroke: '#0b4884', color: '#ffffff', label: 'Service' },
  focus: { fill: '#1168bd', stroke: '#f5a623', strokeWidth: '3px', color: '#ffffff', label: 'This page’s subject' },
  system: { fill: '#1168bd', stroke: '#0b4884', color: '#ffffff', label: 'The system' },
  component: { fill: '#85bbf0', stroke: '#5d82a8', color: '#000000', label: 'Component' },
  // A container of the system outside the view's scope (another domain's service): ours, but not the subject.
  neighbour: { fill: '#dbe9f7', stroke: '#1168bd', color: '#0b3d6e', label: 'Service of another domain' },
  external: { fill: '#6b6b6b', stroke: '#4d4d4d', color: '#ffffff', label: 'External system' },
  database: { fill: '#2f6fad', stroke: '#1f4f80', color: '#ffffff', label: 'Database or store' },
  queue: { fill: '#2f6fad', stroke: '#1f4f80', color: '#ffffff', label: 'Queue or broker' },
  event: { fill: '#f5f0ff', stroke: '#7e57c2', color: '#2e1a47', label: 'Event' },
  'deployment-node': { fill: '#ffffff', stroke: '#888888', color: '#000000', label: 'Deployment node' },
  'domain-core': { fill: '#0b6e4f', stroke: '#07472f', color: '#ffffff', label: 'Core domain' },
  'domain-supporting': { fill: '#e3f1ea', stroke: '#0b6e4f', color: '#0b3d2c', label: 'Supporting domain' },
  'domain-generic': { fill: '#fff5dc', stroke: '#a86b00', color: '#4a3000', label: 'Generic domain' },
  boundary: { fill: 'none', stroke: '#888888', dashed: true, label: 'Boundary' },
  // Not a style of its own: drawn over a node's, its border dashed.
  planned: { fill: 'none', stroke: '#555555', dashed: true, label: 'Planned or proposed, not built yet' },
};

/** A swatch as a mermaid class definition. */
function classDef(swatch: Swatch): string {
  return [
    `fill:${swatch.fill}`,
    `stroke:${swatch.stroke}`,
    ...(swatch.strokeWidth ? [`stroke-width:${swatch.strokeWidth}`] : []),
    ...(swatch.dashed ? ['stroke-dasharray:5 5'] : []),
    ...(swatch.color ? [`color:${swatch.color}`] : []),
  ].join(',');
}

/** One entry of a view's legend: a kind of box, or a kind of line. */
export type LegendItem =
  | {
      readonly kind: 'box';
      readonly style: NodeStyle | 'boundary' | 'planned';
      readonly label: string;
      readonly fill: string;
      readonly stroke: string;
      readonly dashed: boolean;
    }
  | { readonly kind: 'line'; readonly dashed: boolean; readonly label: string; readonly planned?: boolean };

/** The kinds of relation a flowchart draws, in a fixed order: the switches its figure offers. */
export function relationKindsOf(chart: Flowchart): RelationKind[] {
  const style = new Map<string, string>(chart.nodes.map((n) => [n.key, n.style]));
  const kinds = new Set(chart.edges.map((e) => relationKind(e.async === true, style.get(e.from), style.get(e.to))));
  return RELATION_KINDS.filter((k) => kinds.has(k));
}

/** What a flowchart's colours and lines mean, for the legend under it: the kinds of box it draws, in the order first drawn, then its kinds of line. */
export function legendOf(chart: Flowchart): LegendItem[] {
  const styles = [...new Set(chart.nodes.map((n) => n.style))];
  const extra = [
    ...((chart.groups ?? []).length > 0 ? (['boundary'] as const) : []),
    ...(chart.nodes.some((n) => n.planned) ? (['planned'] as const) : []),
  ];
  const boxes: LegendItem[] = [...styles, ...extra].map((style) => {
    const swatch = SWATCHES[style];
    return { kind: 'box', style, label: swatch.label, fill: swatch.fill, stroke: swatch.stroke, dashed: !!swatch.dashed };
  });
  const lines: LegendItem[] = [];
  if (chart.edges.some((e) => !e.async)) lines.push({ kind: 'line', dashed: false, label: chart.syncLabel ?? 'Calls (synchronous)' });
  if (chart.edges.some((e) => e.async)) lines.push({ kind: 'line', dashed: true, label: chart.asyncLabel ?? 'Events (asynchronous)' });
  if (chart.edges.some((e) => e.planned))
    lines.push({ kind: 'line', dashed: true, planned: true, label: 'Planned, not made yet (long dashes)' });
  return [...boxes, ...lines];
}

/** The node's shape in mermaid's syntax, around its quoted label. */
function shape(style: NodeStyle, text: string): string {
  switch (style) {
    case 'person':
      return `(["${text}"])`;
    case 'database':
      return `[("${text}")]`;
    case 'queue':
      return `@{ shape: h-cyl, label: "${text}" }`;
    case 'event':
      return `>"${text}"]`;
    default:
      return `["${text}"]`;
  }
}

/** The lines of a node's label: its name in bold, then the C4 detail and the description, small. */
export function nodeLabelLines(node: FlowNode): { text: string; bold: boolean; small: boolean }[] {
  const lines = [{ text: node.name, bold: true, small: false }];
  if (node.detail) lines.push({ text: node.detail, bold: false, small: true });
  if (node.description) lines.push({ text: truncate(node.description, 90), bold: false, small: true });
  return lines;
}

/** A node's label as mermaid text: its lines, each escaped. */
function nodeLabel(node: FlowNode): string {
  return nodeLabelLines(node)
    .map((line) => (line.bold ? `<b>${label(line.text)}</b>` : `<small>${label(line.text)}</small>`))
    .join('<br/>');
}

/** Text shortened to `max` characters at a word's end, never inside a word. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut.slice(0, max - 1)).replace(/[\s,.;:]+$/, '')}…`;
}

/**
 * The mermaid id of every group and node key a flowchart names, given in the order its text
 * names them (groups with their nodes, the other nodes, then the ends of edges): made from
 * the key, and numbered where two keys make the same id.
 */
export function flowchartIds(chart: Flowchart): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  const add = (key: string) => {
    if (ids.has(key)) return;
    const base = nodeId(key) || 'n';
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}_${i}`;
    ids.set(key, id);
    used.add(id);
  };
  const groups = chart.groups ?? [];
  const walk = (parent: string | undefined) => {
    for (const group of groups.filter((g) => g.parent === parent)) {
      add(group.key);
      walk(group.key);
      for (const node of chart.nodes) if (node.parent === group.key) add(node.key);
    }
  };
  walk(undefined);
  for (const node of chart.nodes) if (node.parent === undefined) add(node.key);
  for (const edge of chart.edges) {
    add(edge.from);
    add(edge.to);
  }
  return ids;
}

/**
 * Writes a flowchart as mermaid text, laid out by ELK. Output is deterministic: nodes,
 * edges and groups come out in the order given, ids derive from keys, and every piece of
 * content is escaped.
 */
export function renderFlowchart(chart: Flowchart): string {
  const ids = flowchartIds(chart);
  const idOf = (key: string): string => ids.get(key)!;
  const groups = chart.groups ?? [];
  const lines = [...layoutFrontMatter(layoutOf(chart)), `flowchart ${chart.direction}`, `  accTitle: ${label(chart.title)}`];
  const children = (parent: string | undefined) => groups.filter((g) => g.parent === parent);
  const nodesIn = (parent: string | undefined) => chart.nodes.filter((n) => n.parent === parent);
  const writeNodes = (parent: string | undefined, indent: string) => {
    for (const node of nodesIn(parent)) lines.push(`${indent}${idOf(node.key)}${shape(node.style, nodeLabel(node))}`);
  };
  const writeGroup = (group: FlowGroup, indent: string) => {
    lines.push(`${indent}subgraph ${idOf(group.key)} ["${label(group.title)}"]`);
    for (const child of children(group.key)) writeGroup(child, `${indent}  `);
    writeNodes(group.key, `${indent}  `);
    lines.push(`${indent}end`);
  };
  for (const group of children(undefined)) writeGroup(group, '  ');
  writeNodes(undefined, '  ');
  for (const edge of chart.edges) {
    const arrow = edge.async ? '-.->' : '-->';
    const said = edge.planned ? (edge.label ? `${edge.label} (planned)` : 'planned') : edge.label;
    const text = said ? `|"${label(said)}"|` : '';
    lines.push(`  ${idOf(edge.from)} ${arrow}${text} ${idOf(edge.to)}`);
  }
  // Planned relations: long dashes, apart from the short ones of events (mermaid numbers links in the order written).
  chart.edges.forEach((edge, i) => {
    if (edge.planned) lines.push(`  linkStyle ${i} stroke-dasharray:8 4`);
  });
  const styles = new Map<NodeStyle, string[]>();
  for (const node of chart.nodes) styles.set(node.style, [...(styles.get(node.style) ?? []), idOf(node.key)]);
  for (const [style, members] of styles) {
    lines.push(`  classDef ${style} ${classDef(SWATCHES[style])}`);
    lines.push(`  class ${members.join(',')} ${style}`);
  }
  if (groups.length > 0) {
    lines.push(`  classDef boundary ${classDef(SWATCHES.boundary)}`);
    lines.push(`  class ${groups.map((g) => idOf(g.key)).join(',')} boundary`);
  }
  // Planned and proposed elements: their border dashed, over their style's colours.
  for (const node of chart.nodes) if (node.planned) lines.push(`  style ${idOf(node.key)} stroke-dasharray:5 5`);
  for (const node of chart.nodes) if (node.link) lines.push(`  click ${idOf(node.key)} href "${href(node.link)}"`);
  return `${lines.join('\n')}\n`;
}
