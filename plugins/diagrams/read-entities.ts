import { CARDINALITY, renderEntityChart, type EntityChart } from './entities.ts';
import { LAYOUT_FRONT_MATTER } from './flowchart.ts';

const BY_ARROW: ReadonlyMap<string, EntityChart['relations'][number]['cardinality']> = new Map(
  Object.entries(CARDINALITY).map(([cardinality, arrow]) => [arrow, cardinality as EntityChart['relations'][number]['cardinality']]),
);

const ENTITY_LINE = /^ {2}([A-Za-z_][A-Za-z0-9_]*)\["(.*)"\]$/;
const RELATION_LINE = /^ {2}([A-Za-z_][A-Za-z0-9_]*) (\S+) ([A-Za-z_][A-Za-z0-9_]*) : "(.*)"$/;

/**
 * Reads back an entity diagram that archsite wrote (`renderEntityChart`), so it can be drawn
 * without mermaid: only where writing what was read gives the text back exactly. Anything
 * else (a diagram written by hand, an entity named twice) is undefined, and left to mermaid.
 */
export function readEntityChart(text: string): EntityChart | undefined {
  const layout = LAYOUT_FRONT_MATTER.exec(text);
  if (!layout || (layout[1] !== 'dagre' && layout[1] !== 'elk')) return undefined;
  const lines = text.slice(layout[0].length).split('\n');
  if (lines.at(-1) === '') lines.pop();
  const title = /^ {2}accTitle: (.*)$/.exec(lines[1] ?? '')?.[1];
  if (lines[0] !== 'erDiagram' || title === undefined) return undefined;
  let rest = lines.slice(2);
  const direction = rest[0] === '  direction LR' ? 'LR' : undefined;
  if (direction) rest = rest.slice(1);

  const entities = new Map<string, { id: string; label: string; own: boolean }>();
  const relations: EntityChart['relations'][number][] = [];
  for (const line of rest) {
    let match: RegExpExecArray | null;
    if ((match = ENTITY_LINE.exec(line))) {
      if (entities.has(match[1]!)) return undefined;
      entities.set(match[1]!, { id: match[1]!, label: match[2]!, own: false });
    } else if ((match = RELATION_LINE.exec(line))) {
      const cardinality = BY_ARROW.get(match[2]!);
      if (!cardinality) return undefined;
      relations.push({ from: match[1]!, to: match[3]!, cardinality, label: match[4]! });
    } else if ((match = /^ {2}class ([A-Za-z0-9_,]+) own$/.exec(line))) {
      for (const id of match[1]!.split(',')) {
        const entity = entities.get(id);
        if (!entity) return undefined;
        entity.own = true;
      }
    }
    // The other class lines, and the class definitions, are checked by writing the chart again, below.
    else if (!/^ {2}class(?:Def)? /.test(line)) return undefined;
  }
  const chart: EntityChart = {
    layout: layout[1],
    title,
    ...(direction ? { direction } : {}),
    entities: [...entities.values()],
    relations,
  };
  return renderEntityChart(chart) === text ? chart : undefined;
}
