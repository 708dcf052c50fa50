import {
  LAYOUT_FRONT_MATTER,
  SWATCHES,
  renderFlowchart,
  type FlowEdge,
  type FlowNode,
  type Flowchart,
  type NodeStyle,
} from './flowchart.ts';

/** mermaid's entity codes for the characters `label()` escapes (see escape.ts), back to the characters. */
const ENTITIES: ReadonlyMap<string, string> = new Map([
  ['#35;', '#'],
  ['#quot;', '"'],
  ['#amp;', '&'],
  ['#lt;', '<'],
  ['#gt;', '>'],
  ['#37;', '%'],
  ['#96;', '`'],
  ['#123;', '{'],
  ['#125;', '}'],
]);

const unescape = (text: string) => text.replace(/#(?:35|quot|amp|lt|gt|37|96|123|125);/g, (entity) => ENTITIES.get(entity)!);

/** A node line: its id, then its shape around its quoted label (see flowchart.ts, `shape`). */
const NODE_LINE = /^ {2}([A-Za-z0-9_]+)(?:\(\["(.*)"\]\)|\[\("(.*)"\)\]|@\{ shape: h-cyl, label: "(.*)" \}|>"(.*)"\]|\["(.*)"\])$/;
const EDGE_LINE = /^ {2}([A-Za-z0-9_]+) (-->|-\.->)(?:\|"(.*)"\|)? ([A-Za-z0-9_]+)$/;
const LABEL = /^<b>(.*?)<\/b>(?:<br\/><small>(.*?)<\/small>)?(?:<br\/><small>(.*?)<\/small>)?$/;
const STYLE_NAMES = new Set(Object.keys(SWATCHES));

/**
 * Reads back a flowchart that archsite wrote (`renderFlowchart`), so a diagram known only by
 * its text can be drawn without mermaid. Only the flowcharts without groups are read, and
 * only where writing what was read gives the text back exactly: anything else (a
 * flowchart written by hand, a form this does not know) is undefined, and left to mermaid.
 */
export function readFlowchart(text: string): Flowchart | undefined {
  const layout = LAYOUT_FRONT_MATTER.exec(text);
  if (!layout) return undefined;
  const lines = text.slice(layout[0].length).split('\n');
  if (lines.at(-1) === '') lines.pop();
  const direction = /^flowchart (LR|TB)$/.exec(lines[0] ?? '')?.[1] as 'LR' | 'TB' | undefined;
  const title = /^ {2}accTitle: (.*)$/.exec(lines[1] ?? '')?.[1];
  if (!direction || title === undefined) return undefined;

  const nodes = new Map<string, { name: string; detail?: string; description?: string; shape: NodeStyle | undefined }>();
  const edges: { from: string; to: string; async: boolean; label?: string }[] = [];
  const styles = new Map<string, NodeStyle>();
  const planned = new Set<string>();
  const plannedEdges = new Set<number>();
  const links = new Map<string, string>();
  for (const line of lines.slice(2)) {
    let match: RegExpExecArray | null;
    if ((match = NODE_LINE.exec(line))) {
      const [, id, person, database, queue, event, plain] = match;
      const parts = LABEL.exec(person ?? database ?? queue ?? event ?? plain ?? '');
      if (!parts || nodes.has(id!)) return undefined;
      const shape: NodeStyle | undefined =
        person !== undefined
          ? 'person'
          : database !== undefined
            ? 'database'
            : queue !== undefined
              ? 'queue'
              : event !== undefined
                ? 'event'
                : undefined;
      nodes.set(id!, {
        name: unescape(parts[1]!),
        ...(parts[2] !== undefined ? { detail: unescape(parts[2]) } : {}),
        ...(parts[3] !== undefined ? { description: unescape(parts[3]) } : {}),
        shape,
      });
    } else if ((match = EDGE_LINE.exec(line))) {
      const [, from, arrow, label, to] = match;
      edges.push({ from: from!, to: to!, async: arrow === '-.->', ...(label !== undefined ? { label: unescape(label) } : {}) });
    } else if ((match = /^ {2}linkStyle (\d+) stroke-dasharray:8 4$/.exec(line))) plannedEdges.add(Number(match[1]));
    else if ((match = /^ {2}class ([A-Za-z0-9_,]+) ([a-z-]+)$/.exec(line))) {
      if (!STYLE_NAMES.has(match[2]!)) return undefined;
      for (const id of match[1]!.split(',')) styles.set(id, match[2] as NodeStyle);
    } else if ((match = /^ {2}style ([A-Za-z0-9_]+) stroke-dasharray:5 5$/.exec(line))) planned.add(match[1]!);
    else if ((match = /^ {2}click ([A-Za-z0-9_]+) href "([^"]*)"$/.exec(line))) {
      // Only the links archsite writes (a page of the site, or a web address): any other is left to mermaid's sanitizing.
      if (!/^(?:\/(?!\/)|https?:\/\/)/i.test(match[2]!)) return undefined;
      links.set(match[1]!, match[2]!);
    }
    // Class definitions are checked by writing the chart again, below.
    else if (!/^ {2}classDef [a-z-]+ \S+$/.test(line)) return undefined;
  }

  const flowNodes: FlowNode[] = [];
  for (const [id, node] of nodes) {
    const style = styles.get(id) ?? node.shape;
    if (!style) return undefined;
    flowNodes.push({
      key: id,
      name: node.name,
      ...(node.detail !== undefined ? { detail: node.detail } : {}),
      ...(node.description !== undefined ? { description: node.description } : {}),
      style,
      ...(links.has(id) ? { link: links.get(id) } : {}),
      ...(planned.has(id) ? { planned: true } : {}),
    });
  }
  const flowEdges: FlowEdge[] = edges.map((edge, index) => {
    const isPlanned = plannedEdges.has(index);
    const label = isPlanned ? (edge.label === 'planned' ? undefined : edge.label?.replace(/ \(planned\)$/, '')) : edge.label;
    return {
      from: edge.from,
      to: edge.to,
      ...(label !== undefined ? { label } : {}),
      ...(edge.async ? { async: true } : {}),
      ...(isPlanned ? { planned: true } : {}),
    };
  });
  const chart: Flowchart = {
    direction,
    layout: layout[1] === 'elk' ? 'elk' : 'dagre',
    title: unescape(title),
    nodes: flowNodes,
    edges: flowEdges,
  };
  return renderFlowchart(chart) === text ? chart : undefined;
}
