import path from 'node:path';
import type { DiagramView } from '../diagrams/index.ts';
import { fieldsRead, serviceDomain } from '../model/queries.ts';
import { bodyOf } from './body.ts';
import { decisionsAbout } from './decisions.ts';
import { viewOf } from './diagram.ts';
import { glossaryHref } from './glossary.ts';
import { byText, linkTo, serviceLinks } from './links.ts';
import { elementHead } from './page-meta.ts';
import { schemaRows, type SchemaRow } from './schema-rows.ts';
import type { Site } from './site.ts';
import { elementHref, fileHref } from './urls.ts';
import { versionsView, type VersionsView } from './versions.ts';
import { section, sectionHeadings, type DecisionItem, type ElementLink, type Link, type PageHead, type PageSection } from './view.ts';

export interface EventPage {
  readonly head: PageHead;
  readonly id: string;
  /** `v1.0`, when versioned. */
  readonly version?: string | undefined;
  readonly domains: readonly ElementLink[];
  readonly description?: string | undefined;
  readonly body?: string | undefined;
  readonly flow: DiagramView | null;
  /** What it shows below the diagram, in order: only the sections with something to show. */
  readonly sections: readonly EventSection[];
}

export type EventSection =
  | PageSection<'producers' | 'consumers', { readonly services: readonly EventParty[]; readonly none: string }>
  | PageSection<
      'channel',
      {
        readonly channel?: string | undefined;
        /** The broker, and where the glossary says what a broker is. */
        readonly broker?: { readonly link: Link; readonly technology: string; readonly term: string } | undefined;
      }
    >
  | PageSection<'schema', { readonly schema: EventSchemaView }>
  /** Its earlier versions, from git, and what changed between any two. */
  | PageSection<'versions', { readonly versions: VersionsView }>
  /** The example payload, as JSON. */
  | PageSection<'example', { readonly example: string }>
  | PageSection<'decisions', { readonly items: readonly DecisionItem[] }>;

/** A producer or consumer of the event; a consumer that says which fields it reads (`{ event, fields }`), with them. */
export interface EventParty extends ElementLink {
  readonly reads?: readonly string[] | undefined;
}

export interface EventSchemaView {
  readonly rows: readonly SchemaRow[];
  /** The schema as published: the file's text, or the inline schema as JSON; empty for a URL. */
  readonly text: string;
  readonly lang: 'json' | 'yaml';
  /** The schema file or URL, as written, and where it is published. */
  readonly file?: Link | undefined;
}

export function eventPage(site: Site, id: string): EventPage {
  const { model } = site;
  const rel = model.relations;
  const el = model.byKind.event.get(id);
  if (!el) throw new Error(`archsite: no event "${id}"`);
  const d = el.data;
  const producers = rel.producers.get(id) ?? [];
  const brokerEl = d.broker ? model.byKind.resource.get(d.broker) : undefined;
  const domains = [...new Set(producers.map((p) => serviceDomain(model, p)).filter((x): x is string => !!x))].flatMap(
    (domain) => linkTo(site, { kind: 'domain', id: domain }) ?? [],
  );
  const schema = eventSchema(site, el.source.path, d.schema);
  const decisions = decisionsAbout(site, el);
  const versions = versionsView(site, `event:${id}`, 'json');
  const broker = brokerEl && {
    link: { text: brokerEl.data.name, href: elementHref(brokerEl, site.base) },
    technology: brokerEl.data.technology ?? brokerEl.data.type,
    term: glossaryHref('broker', site.base),
  };
  const sections: EventSection[] = [
    ...section('producers', 'Producers', true, { services: serviceLinks(site, producers), none: 'No service publishes this event.' }),
    ...section('consumers', 'Consumers', true, {
      services: byText(
        (rel.consumers.get(id) ?? []).flatMap((consumer) => {
          const link = linkTo(site, { kind: 'service', id: consumer });
          const reads = fieldsRead(model.byKind.service.get(consumer)!.data, id);
          return link ? [{ ...link, ...(reads ? { reads } : {}) }] : [];
        }),
      ),
      none: 'No service consumes this event.',
    }),
    ...section('channel', 'Channel and broker', !!(d.channel || broker), { channel: d.channel, broker }),
    ...(schema ? section('schema', 'Schema', true, { schema }) : []),
    ...(versions ? section('versions', 'Versions', true, { versions }) : []),
    ...(d.example !== undefined ? section('example', 'Example payload', true, { example: JSON.stringify(d.example, null, 2) }) : []),
    ...section('decisions', 'Decisions', decisions.length > 0, { items: decisions }),
  ];
  return {
    head: elementHead(site, el, d.name, d.description, sectionHeadings(sections)),
    id,
    version: d.version ? `v${d.version}` : undefined,
    domains,
    description: d.description,
    body: bodyOf(el),
    flow: viewOf(site, 'event-flow', id),
    sections,
  };
}

/** An event's JSON Schema, inline or from its file (read once, by the check). */
function eventSchema(site: Site, eventPath: string, schema: unknown): EventSchemaView | undefined {
  if (schema === undefined) return undefined;
  if (typeof schema !== 'string') return { rows: schemaRows(schema), text: JSON.stringify(schema, null, 2), lang: 'json' };
  if (/^https?:\/\//i.test(schema)) return { rows: [], text: '', lang: 'json', file: { text: schema, href: schema } };
  const relative = path.posix.normalize(path.posix.join(path.posix.dirname(eventPath), schema));
  const file = site.files.get(relative);
  return {
    rows: file ? schemaRows(file.value) : [],
    text: file?.text ?? '',
    lang: /\.json$/i.test(relative) ? 'json' : 'yaml',
    file: { text: schema, href: fileHref(relative, site.base) },
  };
}
