import { renderFlowchart, type Flowchart, type FlowNode } from './flowchart.ts';

/**
 * What a drawn diagram may hold. mermaid refuses a text over 50,000 characters and more than
 * 500 edges (it draws an error image instead); long before that, a diagram is a tangle no
 * reader follows. A view past these limits is reduced, and says so.
 */
export const DIAGRAM_LIMITS = { nodes: 100, edges: 400, text: 45_000 } as const;

/** How many boxes a reduced view keeps at most: enough to see the shape, few enough to read and to load. */
const REDUCED_NODES = 60;

/** Boxes a reduced view keeps whatever else it drops: the element the view is about. */
const KEPT_STYLES: ReadonlySet<FlowNode['style']> = new Set(['focus', 'event']);

/**
 * A flowchart within the limits: as it is when it fits; else without descriptions; else
 * with the element the view is about, what leads into it, and then the first of the other
 * boxes in the view's order; the others and their edges left out, and a note that says how
 * many. `reduced` says what was left out, for the build's warning.
 */
export function withinLimits(chart: Flowchart): { chart: Flowchart; reduced?: string } {
  if (fits(chart)) return { chart };
  const plain: Flowchart = { ...chart, nodes: chart.nodes.map((n) => ({ ...n, description: undefined })) };
  if (fits(plain)) return { chart: plain };
  let keep = Math.min(REDUCED_NODES, chart.nodes.length);
  for (;;) {
    const kept = new Set<string>();
    for (const node of plain.nodes) if (KEPT_STYLES.has(node.style)) kept.add(node.key);
    // Then what leads into the element (its callers, an event's producers), then the rest in order.
    const leadsIn = new Set(plain.edges.filter((e) => kept.has(e.to)).map((e) => e.from));
    for (const node of plain.nodes) if (kept.size < keep && leadsIn.has(node.key)) kept.add(node.key);
    for (const node of plain.nodes) if (kept.size < keep) kept.add(node.key);
    const nodes = plain.nodes.filter((n) => kept.has(n.key));
    let edges = plain.edges.filter((e) => kept.has(e.from) && kept.has(e.to));
    if (edges.length > DIAGRAM_LIMITS.edges) edges = edges.slice(0, DIAGRAM_LIMITS.edges);
    // The same label on every edge ("consumed by") says nothing a reader needs sixty times.
    if (edges.length > 1 && edges.every((e) => e.label === edges[0]!.label)) edges = edges.map((e) => ({ ...e, label: undefined }));
    const parents = new Set(nodes.map((n) => n.parent));
    const groups = (plain.groups ?? []).filter(
      (g) => parents.has(g.key) || plain.groups!.some((c) => c.parent === g.key && parents.has(c.key)),
    );
    const droppedNodes = chart.nodes.length - nodes.length;
    const droppedEdges = chart.edges.length - edges.length;
    const reduced = `${droppedNodes} of its ${chart.nodes.length} boxes and ${droppedEdges} of its ${chart.edges.length} relations are left out: the diagram would be too large to draw and to read. The tables on this page list them all.`;
    const candidate: Flowchart = { ...plain, nodes, edges, groups, notes: [...(chart.notes ?? []), reduced] };
    if (fits(candidate) || keep <= 10) return { chart: candidate, reduced };
    keep = Math.floor(keep * 0.7);
  }
}

function fits(chart: Flowchart): boolean {
  return (
    chart.nodes.length <= DIAGRAM_LIMITS.nodes &&
    chart.edges.length <= DIAGRAM_LIMITS.edges &&
    renderFlowchart(chart).length <= DIAGRAM_LIMITS.text
  );
}
