import { compare } from '../model/diagnostics.ts';
import type { EntityRelation, Model } from '../model/model.ts';
import { label, nodeId } from './escape.ts';
import { layoutFrontMatter, SMALL_DIAGRAM } from './flowchart.ts';

export interface EntityDiagram {
  readonly title: string;
  readonly text: string;
}

/** The whole model's entity diagram is drawn up to this many entities. */
const MAX_ENTITIES = 80;

/**
 * The entity-relationship diagram: every entity, named with its owning service, and the
 * relations the services declare. With `serviceId`, that service's entities and those they relate to.
 * Undefined when there is no entity to show.
 */
export function entityView(model: Model, serviceId?: string): EntityDiagram | undefined {
  const owners = model.relations.entityOwners;
  const byEntity = model.relations.entityRelations;
  let entities: string[];
  let shown: EntityRelation[];
  if (serviceId) {
    const own = new Set(model.byKind.service.get(serviceId)?.data.data?.entities ?? []);
    // Only the relations that touch the service's entities are read: its page depends on no other.
    shown = [...new Set([...own].flatMap((entity) => byEntity.get(entity) ?? []))]
      .filter((r) => owners.has(r.from) && owners.has(r.to))
      .sort((a, b) => compare(a.service, b.service) || a.index - b.index);
    // A service's diagram is worth drawing only where its entities relate to something.
    if (shown.length === 0) return undefined;
    entities = [...new Set([...own, ...shown.flatMap((r) => [r.from, r.to])])];
  } else {
    shown = [...new Set([...byEntity.values()].flat())]
      .filter((r) => owners.has(r.from) && owners.has(r.to))
      .sort((a, b) => compare(a.service, b.service) || a.index - b.index);
    entities = [...owners.keys()];
    // Hundreds of entities make no readable diagram: each service's page shows its own. With
    // no relation to draw, a diagram is boxes in a row: the page lists the entities instead.
    if (entities.length > MAX_ENTITIES || shown.length === 0) return undefined;
  }
  if (entities.length === 0) return undefined;
  const ids = new Map(entities.map((e) => [e, nodeId(e) || 'entity']));
  // Entities that relate to nothing would stand in one long row: past a few, the diagram
  // runs left to right, where ELK stacks them into a block.
  const related = new Set(shown.flatMap((r) => [r.from, r.to]));
  const isolated = entities.filter((e) => !related.has(e)).length;
  const block = isolated > 4;
  const title = serviceId
    ? `Entities of ${model.byKind.service.get(serviceId)?.data.name ?? serviceId}`
    : `Entities of ${model.system.data.name}`;
  const chart: EntityChart = {
    // mermaid lays entity diagrams out with ELK by default: dagre draws a small one as clearly, in half the time.
    layout: block || entities.length > SMALL_DIAGRAM ? 'elk' : 'dagre',
    title: label(title),
    ...(block ? { direction: 'LR' as const } : {}),
    // Each entity is named with the service that owns it, in the C4 palette: the page's own
    // service's entities as containers, the others' as components.
    entities: entities.map((entity) => {
      const ownerId = owners.get(entity);
      const owner = model.byKind.service.get(ownerId ?? '')?.data.name;
      return {
        id: ids.get(entity)!,
        label: label(owner ? `${entity} (${owner})` : entity),
        own: serviceId !== undefined && ownerId === serviceId,
      };
    }),
    relations: shown.map((r) => ({ from: ids.get(r.from)!, to: ids.get(r.to)!, cardinality: r.cardinality, label: label(r.label ?? '') })),
  };
  return { title, text: renderEntityChart(chart) };
}

/**
 * An entity diagram as archsite writes it: its labels as they stand in the mermaid text
 * (escaped, see escape.ts `label`), so that the text read back gives the same chart.
 */
export interface EntityChart {
  readonly layout: 'elk' | 'dagre';
  readonly title: string;
  readonly direction?: 'LR' | undefined;
  readonly entities: readonly { readonly id: string; readonly label: string; readonly own: boolean }[];
  readonly relations: readonly {
    readonly from: string;
    readonly to: string;
    readonly cardinality: EntityRelation['cardinality'];
    readonly label: string;
  }[];
}

/** An entity chart's mermaid text. */
export function renderEntityChart(chart: EntityChart): string {
  const lines = [...layoutFrontMatter(chart.layout), 'erDiagram', `  accTitle: ${chart.title}`];
  if (chart.direction) lines.push(`  direction ${chart.direction}`);
  for (const entity of chart.entities) lines.push(`  ${entity.id}["${entity.label}"]`);
  for (const r of chart.relations) lines.push(`  ${r.from} ${CARDINALITY[r.cardinality]} ${r.to} : "${r.label}"`);
  const own = chart.entities.filter((e) => e.own).map((e) => e.id);
  const other = chart.entities.filter((e) => !e.own).map((e) => e.id);
  if (own.length > 0) lines.push(`  classDef own ${ENTITY_SWATCHES.own}`, `  class ${own.join(',')} own`);
  if (other.length > 0) lines.push(`  classDef entity ${ENTITY_SWATCHES.entity}`, `  class ${other.join(',')} entity`);
  return `${lines.join('\n')}\n`;
}

/** The entities' colours: the page's own service's as containers, the others' as components (the C4 palette). */
export const ENTITY_SWATCHES = {
  own: 'fill:#1168bd,stroke:#0b4884,color:#ffffff',
  entity: 'fill:#85bbf0,stroke:#5d82a8,color:#000000',
} as const;

/** The mermaid relationship of each cardinality. */
export const CARDINALITY = { '1:1': '||--||', '1:N': '||--o{', 'N:1': '}o--||', 'N:M': '}o--o{' } as const;
