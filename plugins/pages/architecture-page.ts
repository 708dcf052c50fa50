import type { DiagramView } from '../diagrams/index.ts';
import { keyOf } from '../model/model.ts';
import { serviceTypeLabel } from '../model/names.ts';
import { domainTypeBadge } from './badges.ts';
import { callRows } from './call-rows.ts';
import { viewOf } from './diagram.ts';
import { byText, linkTo, linksTo } from './links.ts';
import type { Site } from './site.ts';
import type { Badge, CallRow, ElementLink, Heading } from './view.ts';

export interface ArchitecturePage {
  readonly title: string;
  readonly description: string;
  readonly systemName: string;
  readonly context: DiagramView | null;
  /** What each person uses: one row per use, the person named in each. */
  readonly people: readonly { readonly person: ElementLink; readonly use: CallRow }[];
  readonly externalSystems: readonly {
    readonly system: ElementLink;
    readonly description?: string | undefined;
    readonly calledBy: readonly ElementLink[];
    readonly calls: readonly ElementLink[];
  }[];
  readonly containers: DiagramView | null;
  readonly domains: readonly {
    readonly domain: ElementLink;
    readonly type: Badge;
    readonly services: readonly { readonly link: ElementLink; readonly detail: string; readonly responsibility: string }[];
  }[];
  readonly resources: readonly { readonly link: ElementLink; readonly detail: string }[];
  readonly domainMap: DiagramView | null;
  readonly entities: DiagramView | null;
  /** Every entity with the service that owns it, by entity: the list when there is no diagram to draw. */
  readonly entityOwners: readonly { readonly entity: string; readonly owner: ElementLink }[];
  readonly headings: readonly Heading[];
}

/** The architecture at C4's first two levels, with the domain map and the entities. */
export function architecturePage(site: Site): ArchitecturePage {
  const { model } = site;
  const rel = model.relations;
  const name = model.system.data.name;
  const people = byText([...model.byKind.person.values()], (p) => p.data.name).flatMap((p) => {
    const person = linkTo(site, p)!;
    return callRows(site, rel.calls.get(keyOf(p)) ?? [], 'to').map((use) => ({ person, use }));
  });
  const externalSystems = byText(
    [...model.byKind.system.values()].map((s) => ({
      system: linkTo(site, s)!,
      description: s.data.description,
      calledBy: byText(
        linksTo(
          site,
          (rel.callers.get(keyOf(s)) ?? []).map((c) => c.from),
        ),
      ),
      calls: byText(
        linksTo(
          site,
          (rel.calls.get(keyOf(s)) ?? []).map((c) => c.to),
        ),
      ),
    })),
    (s) => s.system.text,
  );
  const domains = byText(
    [...model.byKind.domain.values()].map((d) => ({
      domain: linkTo(site, d)!,
      type: domainTypeBadge(d.data.type),
      services: byText(
        (rel.domainServices.get(d.id) ?? []).flatMap((id) => {
          const s = model.byKind.service.get(id);
          const link = s && linkTo(site, s);
          if (!s || !link) return [];
          const tech = [s.data.stack?.language, s.data.stack?.framework].filter(Boolean).join(', ');
          return [
            {
              link,
              detail: tech ? `${serviceTypeLabel(s.data.type)}: ${tech}` : serviceTypeLabel(s.data.type),
              responsibility: s.data.responsibility,
            },
          ];
        }),
        (s) => s.link.text,
      ),
    })),
    (d) => d.domain.text,
  ).filter((d) => d.services.length > 0);
  const resources = byText(
    [...model.byKind.resource.values()].flatMap((r) => {
      const link = linkTo(site, r);
      return link ? [{ link, detail: `${rel.categories.get(r.id)}, ${r.data.technology ?? r.data.type}` }] : [];
    }),
    (r) => r.link.text,
  );
  return {
    title: 'Architecture',
    description: `System context and containers of ${name}.`,
    systemName: name,
    context: viewOf(site, 'context'),
    people,
    externalSystems,
    containers: viewOf(site, 'container'),
    domains,
    resources,
    domainMap: viewOf(site, 'domain-map'),
    entities: viewOf(site, 'entities'),
    entityOwners: byText(
      [...rel.entityOwners].flatMap(([entity, owner]) => {
        const link = linkTo(site, { kind: 'service', id: owner });
        return link ? [{ entity, owner: link }] : [];
      }),
      (e) => e.entity,
    ),
    headings: [
      { id: 'system-context', title: 'System context' },
      { id: 'containers', title: 'Containers' },
      { id: 'domains', title: 'Domain map' },
      { id: 'entities', title: 'Entities' },
    ],
  };
}
