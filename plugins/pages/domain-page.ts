import type { DiagramView } from '../diagrams/index.ts';
import { keyOf } from '../model/model.ts';
import { serviceDomain } from '../model/queries.ts';
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
import { shownHeadings, type Badge, type DecisionItem, type ElementLink, type Link, type PageHead } from './view.ts';

export interface DomainPage {
  readonly head: PageHead;
  readonly type: Badge;
  /** Where the glossary explains the domain's type. */
  readonly typeHref: string;
  readonly owner?: ElementLink | undefined;
  readonly description?: string | undefined;
  readonly body?: string | undefined;
  readonly containers: DiagramView | null;
  /** Its services by name, each with its responsibility. */
  readonly services: readonly { readonly link: Link; readonly responsibility: string }[];
  readonly eventFlow: DiagramView | null;
  readonly events: readonly Link[];
  /** Which of its services send which events to which services, in the domain or outside it. */
  readonly matrix: MessageMatrix | undefined;
  readonly entities: readonly { readonly entity: string; readonly owner: Link }[];
  /** The other domains its services call, are called by, or exchange events with, by name. */
  readonly related: readonly { readonly domain: ElementLink; readonly how: string }[];
  readonly decisions: readonly DecisionItem[];
}

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
    for (const e of s.data.events?.consumes ?? [])
      for (const p of rel.producers.get(e) ?? []) relate(serviceDomain(model, p), 'consumes events of');
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
  const headings = shownHeadings([
    ['services', 'Services', services.length > 0],
    ['events', 'Events', events.length > 0],
    ['who-sends-to-whom', 'Who sends to whom', matrix !== undefined],
    ['entities', 'Entities', entities.length > 0],
    ['related-domains', 'Related domains', relatedList.length > 0],
    ['decisions', 'Decisions', decisions.length > 0],
  ]);
  return {
    head: elementHead(site, el, d.name, d.description, headings),
    type: domainTypeBadge(d.type),
    typeHref: glossaryHref(`${d.type}-domain`, site.base),
    owner: d.owner ? linkTo(site, { kind: 'team', id: d.owner }) : undefined,
    description: d.description,
    body: bodyOf(el),
    containers: services.length > 0 ? viewOf(site, 'container', id) : null,
    services: serviceItems,
    eventFlow: events.length > 0 ? viewOf(site, 'domain-events', id) : null,
    events,
    matrix,
    entities,
    related: relatedList,
    decisions,
  };
}
