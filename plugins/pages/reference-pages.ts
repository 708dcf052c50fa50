import { CODES, type CodeInfo } from '../model/codes.ts';
import { DIAGRAM_VIEWS, type DiagramViewName } from '../model/diagram-views.ts';
import { jsonSchemas } from '../model/json-schemas.ts';
import { describeKinds, KINDS } from '../model/kinds.ts';
import { schemaRows, type SchemaRow } from './schema-rows.ts';
import type { Site } from './site.ts';
import { withBase } from './urls.ts';

/** Every diagnostic code, sorted by code: the Checks reference. */
export function checksReference(): { readonly code: string; readonly info: CodeInfo }[] {
  return Object.entries(CODES)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, info]) => ({ code, info }));
}

/** system.yaml, each kind and the rules file: its folder, its fields (from the schemas the check applies) and its published JSON Schema. */
export function contentModelReference(site: Site): {
  readonly id: string;
  readonly title: string;
  readonly folder: string;
  readonly schemaHref: string;
  readonly rows: readonly SchemaRow[];
}[] {
  const schemas = jsonSchemas();
  return [
    { id: 'system-yaml', title: 'system.yaml', folder: 'system.yaml', schema: schemas.root, file: 'system-yaml' },
    ...KINDS.map((k) => ({ id: k.kind, title: k.plural, folder: `${k.folder}/`, schema: schemas[k.kind], file: k.kind })),
    { id: 'archsite-rules', title: 'The team’s rules', folder: 'archsite.rules.yaml', schema: schemas.rules, file: 'archsite-rules' },
  ].map((s) => ({
    id: s.id,
    title: s.title,
    folder: s.folder,
    schemaHref: withBase(`/schemas/${s.file}.schema.json`, site.base),
    rows: schemaRows(s.schema),
  }));
}

/** What each view shows, for the Diagrams reference. */
const WHAT: Readonly<Record<DiagramViewName, string>> = {
  context: 'C4 level 1: the system as one box, the people who use it and the external systems around it.',
  container:
    'C4 level 2: services and resources inside boundaries per domain, people and external systems around them; events as one dotted edge from producer to consumer. Past 12 services and 24 boxes, domains as boxes. With of, one domain and its neighbours.',
  component: 'C4 level 3: the components of one service, grouped by layer, and what they use outside it.',
  deployment:
    'One environment: nested deployment nodes as boundaries, instances with their replicas, and the calls, store reads and writes and events (through the broker instances) between them.',
  'event-flow': 'Producers → event → consumers, for one event.',
  'domain-events': 'The flow of every event a domain publishes.',
  neighbourhood: 'A service (or resource:<id>) and everything it touches: callers, callees, stores, events.',
  'domain-map': 'The domains and how they depend on each other, through calls (solid) and events (dotted).',
  entities:
    'Entities, each named with its owning service, and the relations services declare under data.relations. With of, one service’s (its own entities in blue).',
  flow: 'A flow (flows/) as a sequence diagram: its participants in order of appearance, people as actors, each message numbered, replies dashed.',
};

/** Every view `<Diagram>` can show: its name, what `of` names, and what it shows. */
export function diagramsReference(): { readonly name: string; readonly of: string; readonly shows: string }[] {
  return (Object.entries(DIAGRAM_VIEWS) as [DiagramViewName, (typeof DIAGRAM_VIEWS)[DiagramViewName]][]).map(([name, spec]) => ({
    name,
    of: spec.of.length === 0 ? '' : `${describeKinds(spec.of)}${'optional' in spec ? ' (optional)' : ''}`,
    shows: WHAT[name],
  }));
}

/** The authoring help: where each kind of element goes, how many there are, and the commands an author runs. */
export function authoringHelp(site: Site): {
  readonly title: string;
  readonly description: string;
  readonly kinds: readonly { readonly label: string; readonly folder: string; readonly count: number; readonly schemaHref: string }[];
} {
  return {
    title: 'Writing this architecture',
    description: `How ${site.model.system.data.name}'s architecture is written: where each element goes, and the commands that check and publish it.`,
    kinds: KINDS.map((k) => ({
      label: k.plural,
      folder: `${k.folder}/`,
      count: site.model.byKind[k.kind].size,
      schemaHref: withBase(`/schemas/${k.kind}.schema.json`, site.base),
    })),
  };
}
