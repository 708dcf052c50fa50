import type { DiagramView } from '../diagrams/index.ts';
import { keyOf } from '../model/model.ts';
import { consumedIds, serviceDomain } from '../model/queries.ts';
import { domainTypeBadge } from './badges.ts';
import { bodyOf } from './body.ts';
import { decisionsAbout } from './decisions.ts';
import { viewOf } from './diagram.ts';
import { byText, linkTo } from './links.ts';
import { messageMatrix, type MessageMatrix } from './message-matrix.ts';
import { elementHead } from './page-meta.ts';
import { glossaryHref } from './glossary.ts';
import type { Site } from './site.ts';
import { elementHref } from './urls.ts';
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

export interface DomainPage {
  readonly head: PageHead;
  readonly type: Badge;
  /** Where the glossary explains the domain's type. */
  readonly typeHref: string;
  readonly owner?: ElementLink | undefined;
  readonly description?: string | undefined;
  readonly body?: string | undefined;
  /** What it shows, in order: only the sections with something to show. */
  readonly sections: readonly DomainSection[];
}

export type DomainSection =
  /** Its services by name, each with its responsibility, under their container diagram. */
  | PageSection<
      'services',
      { readonly diagram: DiagramView | null; readonly services: readonly { readonly link: Link; readonly responsibility: string }[] }
    >
  | PageSection<'events', { readonly diagram: DiagramView | null; readonly events: readonly Link[] }>
  /** Which of its services send which events to which services, in the domain or outside it. */
  | PageSection<'who-sends-to-whom', { readonly matrix: MessageMatrix }>
  | PageSection<'entities', { readonly entities: readonly { readonly entity: string; readonly owner: Link }[] }>
  /** The other domains its services call, are called by, or exchange events with, by name. */
  | PageSection<'related-domains', { readonly domains: readonly { readonly domain: ElementLink; readonly how: string }[] }>
  | PageSection<'decisions', { readonly items: readonly DecisionItem[] }>;

/** How one domain relates to another, as the sentence reads: "calls", "consumes events of". */
type Relation = 'calls' | 'is called by' | 'consumes events of' | 'publishes events to';

export function domainPage(site: Site, id: string): DomainPage {
  const { model, base } = site;
  const rel = model.relations;
  const el = model.byKind.domain.get(id);
  if (!el) throw new Error(`archsite: no domain "${id}"`);
  const d = el.data;
  const services = (rel.domainServices.get(id) ?? []).flatMap((s) => model.byKind.service.get(s) ?? []);
  const related = new Map<string, Set<Relation>>();
  const relate = (other: string | undefined, how: Relation) => {
    if (!other || other === id) return;
    related.set(other, (related.get(other) ?? new Set()).add(how));
  };
  for (const s of services) {
    for (const call of rel.calls.get(keyOf(s)) ?? []) if (call.to.kind === 'service') relate(serviceDomain(model, call.to.id), 'calls');
    for (const call of rel.callers.get(keyOf(s)) ?? [])
      if (call.from.kind === 'service') relate(serviceDomain(model, call.from.id), 'is called by');
    for (const e of consumedIds(s.data)) for (const p of rel.producers.get(e) ?? []) relate(serviceDomain(model, p), 'consumes events of');
    for (const e of s.data.events?.publishes ?? [])
      for (const c of rel.consumers.get(e) ?? []) relate(serviceDomain(model, c), 'publishes events to');
  }
  const relatedList = byText(
    [...related].flatMap(([other, how]) => {
      const link = linkTo(site, { kind: 'domain', id: other });
      return link ? [{ domain: link, how: [...how].sort().join(', ') }] : [];
    }),
    (r) => r.domain.text,
  );
  const events = (rel.domainEvents.get(id) ?? []).map((e) => ({ text: e, href: elementHref({ kind: 'event', id: e }, base) }));
  const matrix = messageMatrix(
    site,
    (rel.domainEvents.get(id) ?? []).flatMap((e) => model.byKind.event.get(e) ?? []),
  );
  const entities = services.flatMap((s) =>
    (s.data.data?.entities ?? []).map((entity) => ({ entity, owner: { text: s.data.name, href: elementHref(s, base) } })),
  );
  const decisions = decisionsAbout(site, el);
  const serviceItems = byText(
    services.map((s) => ({ link: { text: s.data.name, href: elementHref(s, base) }, responsibility: s.data.responsibility })),
    (s) => s.link.text,
  );
  const sections: DomainSection[] = [
    // Diagrams only for the sections shown: a page records what it reads (see the page cache).
    ...(services.length > 0
      ? section('services', 'Services', true, { diagram: viewOf(site, 'container', id), services: serviceItems })
      : []),
    ...(events.length > 0 ? section('events', 'Events', true, { diagram: viewOf(site, 'domain-events', id), events }) : []),
    ...(matrix ? section('who-sends-to-whom', 'Who sends to whom', true, { matrix }) : []),
    ...section('entities', 'Entities', entities.length > 0, { entities }),
    ...section('related-domains', 'Related domains', relatedList.length > 0, { domains: relatedList }),
    ...section('decisions', 'Decisions', decisions.length > 0, { items: decisions }),
  ];
  return {
    head: elementHead(site, el, d.name, d.description, sectionHeadings(sections)),
    type: domainTypeBadge(d.type),
    typeHref: glossaryHref(`${d.type}-domain`, site.base),
    owner: d.owner ? linkTo(site, { kind: 'team', id: d.owner }) : undefined,
    description: d.description,
    body: bodyOf(el),
    sections,
  };
}
