import type { DiagramView } from '../diagrams/index.ts';
import path from 'node:path';
import { keyOf, type Element } from '../model/model.ts';
import { bodyOf } from './body.ts';
import { messageMatrix, type MessageMatrix } from './message-matrix.ts';
import { placementItems, type PlacementItem } from './placements.ts';
import { decisionsAbout } from './decisions.ts';
import { viewOf } from './diagram.ts';
import { byText, linkTo, serviceLinks } from './links.ts';
import { elementHead } from './page-meta.ts';
import type { Site } from './site.ts';
import { asyncApiView, messageEvents, type AsyncApiView } from './api-contracts.ts';
import { fileHref } from './urls.ts';
import {
  section,
  sectionHeadings,
  type Badge,
  type DecisionItem,
  type ElementLink,
  type Link,
  type PageHead,
  type PageSection,
} from './view.ts';

export interface ResourcePage {
  readonly head: PageHead;
  readonly category: Badge;
  readonly technology: string;
  readonly shared: boolean;
  readonly description?: string | undefined;
  readonly body?: string | undefined;
  /** The services that store their data here. */
  readonly owners: readonly ElementLink[];
  readonly neighbourhood: DiagramView | null;
  /** What it shows below the diagram, in order: only the sections with something to show. */
  readonly sections: readonly ResourceSection[];
}

export type ResourceSection =
  /** Each service using it, by name, and how. */
  | PageSection<'used-by', { readonly users: readonly { readonly service: ElementLink; readonly how: string }[] }>
  | PageSection<'events', { readonly events: readonly { readonly event: ElementLink; readonly channel?: string | undefined }[] }>
  /** For a broker: which service sends which events to which. */
  | PageSection<'who-sends-to-whom', { readonly matrix: MessageMatrix }>
  /** For a broker with an AsyncAPI document: its channels, operations and messages. */
  | PageSection<'asyncapi', { readonly asyncapi?: AsyncApiView | undefined; readonly file: Link }>
  | PageSection<'runs-in', { readonly placements: readonly PlacementItem[] }>
  | PageSection<'decisions', { readonly items: readonly DecisionItem[] }>;

const HOW = { store: 'stores its data here', dependency: 'calls it' } as const;

export function resourcePage(site: Site, id: string): ResourcePage {
  const { model } = site;
  const rel = model.relations;
  const el = model.byKind.resource.get(id);
  if (!el) throw new Error(`archsite: no resource "${id}"`);
  const d = el.data;
  const uses = rel.resourceUsers.get(id) ?? [];
  const byService = new Map<string, { how: string[]; publishes: string[]; consumes: string[] }>();
  for (const u of uses) {
    const entry = byService.get(u.service) ?? { how: [], publishes: [], consumes: [] };
    byService.set(u.service, entry);
    if (u.via !== 'broker') entry.how.push(u.via === 'component' ? `component ${u.detail}` : HOW[u.via]);
    else {
      // A broker's users send events to it, or receive them from it: said apart, each counted.
      const event = u.detail ?? '';
      if ((rel.producers.get(event) ?? []).includes(u.service)) entry.publishes.push(event);
      if ((rel.consumers.get(event) ?? []).includes(u.service)) entry.consumes.push(event);
    }
  }
  const counted = (verb: string, events: string[]) =>
    events.length === 0 ? [] : [`${verb} ${events.length === 1 ? events[0] : `${events.length}: ${events.sort().join(', ')}`}`];
  const usedBy = byText(
    [...byService].flatMap(([service, { how, publishes, consumes }]) => {
      const link = linkTo(site, { kind: 'service', id: service });
      return link
        ? [{ service: link, how: [...how, ...counted('publishes', publishes), ...counted('consumes', consumes)].join('; ') }]
        : [];
    }),
    (u) => u.service.text,
  );
  const carried = [...model.byKind.event.values()].filter((e) => e.data.broker === id);
  const matrix = messageMatrix(site, carried);
  const events = carried.flatMap((e) => {
    const event = linkTo(site, e);
    return event ? [{ event, channel: e.data.channel }] : [];
  });
  const runsIn = placementItems(site, rel.placements.get(keyOf(el)) ?? []);
  const asyncapi = brokerDocument(site, el);
  const decisions = decisionsAbout(site, el);
  const sections: ResourceSection[] = [
    ...section('used-by', 'Used by', usedBy.length > 0, { users: usedBy }),
    ...section('events', 'Events carried', events.length > 0, { events }),
    ...(matrix ? section('who-sends-to-whom', 'Who sends to whom', true, { matrix }) : []),
    ...(asyncapi ? section('asyncapi', 'AsyncAPI document', true, asyncapi) : []),
    ...section('runs-in', 'Runs in', runsIn.length > 0, { placements: runsIn }),
    ...section('decisions', 'Decisions', decisions.length > 0, { items: decisions }),
  ];
  return {
    head: elementHead(site, el, d.name, d.description, sectionHeadings(sections)),
    category: { text: rel.categories.get(id) ?? 'other', variant: 'note' },
    technology: d.technology ?? d.type,
    shared: !!d.shared,
    description: d.description,
    body: bodyOf(el),
    owners: serviceLinks(site, [...new Set(uses.filter((u) => u.via === 'store').map((u) => u.service))]),
    neighbourhood: viewOf(site, 'neighbourhood', `resource:${id}`),
    sections,
  };
}

/** A broker's AsyncAPI document: shown when the check read it, linked when it is published elsewhere (a URL). */
function brokerDocument(site: Site, el: Element<'resource'>): { asyncapi?: AsyncApiView | undefined; file: Link } | undefined {
  const written = el.data.apis?.asyncapi;
  if (!written) return undefined;
  if (/^https?:/i.test(written)) return { file: { text: written, href: written } };
  const relative = path.posix.normalize(path.posix.join(path.posix.dirname(el.source.path), written));
  const file = { text: written, href: fileHref(relative, site.base) };
  const api = site.files.get(relative)?.api;
  return { file, asyncapi: api?.format === 'asyncapi' ? asyncApiView(api, file, messageEvents(site)) : undefined };
}
