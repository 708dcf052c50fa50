import { compare } from '../model/diagnostics.ts';
import type { ElementKind } from '../model/kinds.ts';
import { keyOf, type Element, type Model } from '../model/model.ts';
import { displayName, summaryOf } from '../model/names.ts';
import { serviceDomain } from '../model/queries.ts';
import { DOCS_INDEX } from '../model/routes.ts';
import { elementHref } from './urls.ts';

export interface Cell {
  text: string;
  href?: string | undefined;
  sort?: string | number | undefined;
  code?: boolean;
}

export interface Column {
  key: string;
  label: string;
  filter?: boolean;
}

export interface IndexTable {
  columns: Column[];
  rows: Record<string, Cell | undefined>[];
  noun: string;
}

/**
 * The table of a kind's index page: one row per element, with the columns a reader sorts
 * and filters that kind by (services by domain, team, type and language).
 */
export function indexTable(model: Model, kind: ElementKind): IndexTable {
  const elements = [...model.byKind[kind].values()] as Element[];
  const name = (el: Element): Cell => ({ text: displayName(el), href: elementHref(el), sort: displayName(el).toLowerCase() });
  const ref = (k: 'domain' | 'team' | 'resource', id: string | undefined): Cell | undefined => {
    const target = id ? (model.byKind[k].get(id) as Element | undefined) : undefined;
    return target ? { text: displayName(target), href: elementHref(target) } : undefined;
  };
  const text = (value: string | number | undefined): Cell | undefined =>
    value === undefined || value === '' ? undefined : { text: String(value) };
  const count = (n: number): Cell => ({ text: String(n), sort: n });
  const rel = model.relations;
  switch (kind) {
    case 'service':
      return {
        noun: 'service',
        columns: [
          { key: 'name', label: 'Service' },
          { key: 'type', label: 'Type', filter: true },
          { key: 'domain', label: 'Domain', filter: true },
          { key: 'team', label: 'Team', filter: true },
          { key: 'language', label: 'Language', filter: true },
          { key: 'responsibility', label: 'Responsibility' },
        ],
        rows: (elements as Element<'service'>[]).map((s) => ({
          name: name(s),
          type: text(s.data.type ?? 'service'),
          domain: ref('domain', serviceDomain(model, s.id)),
          team: ref('team', s.data.owner),
          language: text(s.data.stack?.language),
          responsibility: text(s.data.responsibility),
        })),
      };
    case 'event':
      return {
        noun: 'event',
        columns: [
          { key: 'id', label: 'Event' },
          { key: 'name', label: 'Name' },
          { key: 'domain', label: 'Domain', filter: true },
          { key: 'channel', label: 'Channel', filter: true },
          { key: 'producers', label: 'Producers' },
          { key: 'consumers', label: 'Consumers' },
        ],
        rows: (elements as Element<'event'>[]).map((e) => {
          const producers = rel.producers.get(e.id) ?? [];
          const domains = [...new Set(producers.map((p) => serviceDomain(model, p)).filter((d): d is string => !!d))];
          return {
            id: { text: e.id, href: elementHref(e), code: true },
            name: text(e.data.name),
            domain:
              domains.length === 1 ? ref('domain', domains[0]) : text(domains.map((d) => model.byKind.domain.get(d)!.data.name).join(', ')),
            channel: text(e.data.channel),
            producers: text(producers.map((p) => model.byKind.service.get(p)!.data.name).join(', ')),
            consumers: text((rel.consumers.get(e.id) ?? []).map((c) => model.byKind.service.get(c)!.data.name).join(', ')),
          };
        }),
      };
    case 'domain':
      return {
        noun: 'domain',
        columns: [
          { key: 'name', label: 'Domain' },
          { key: 'type', label: 'Type', filter: true },
          { key: 'team', label: 'Owner', filter: true },
          { key: 'services', label: 'Services' },
          { key: 'events', label: 'Events' },
        ],
        rows: (elements as Element<'domain'>[]).map((d) => ({
          name: name(d),
          type: text(d.data.type),
          team: ref('team', d.data.owner),
          services: count(rel.domainServices.get(d.id)?.length ?? 0),
          events: count(rel.domainEvents.get(d.id)?.length ?? 0),
        })),
      };
    case 'resource':
      return {
        noun: 'resource',
        columns: [
          { key: 'name', label: 'Resource' },
          { key: 'category', label: 'Category', filter: true },
          { key: 'type', label: 'Type', filter: true },
          { key: 'owners', label: 'Data owned by' },
          { key: 'users', label: 'Services using it' },
        ],
        rows: (elements as Element<'resource'>[]).map((r) => {
          const uses = rel.resourceUsers.get(r.id) ?? [];
          return {
            name: name(r),
            category: text(rel.categories.get(r.id)),
            type: text(r.data.type),
            owners: text(
              [...new Set(uses.filter((u) => u.via === 'store').map((u) => model.byKind.service.get(u.service)!.data.name))].join(', '),
            ),
            users: count(new Set(uses.map((u) => u.service)).size),
          };
        }),
      };
    case 'deployment':
      return {
        noun: 'deployment',
        columns: [
          { key: 'name', label: 'Deployment' },
          { key: 'description', label: 'Description' },
          { key: 'services', label: 'Services' },
        ],
        rows: (elements as Element<'deployment'>[]).map((d) => ({
          name: name(d),
          description: text(d.data.description),
          services: count(
            new Set(
              [...rel.placements].filter(([k, ps]) => k.startsWith('service:') && ps.some((p) => p.deployment === d.id)).map(([k]) => k),
            ).size,
          ),
        })),
      };
    case 'decision':
      return {
        noun: 'decision',
        columns: [
          { key: 'id', label: 'Id' },
          { key: 'title', label: 'Title' },
          { key: 'status', label: 'Status', filter: true },
          { key: 'date', label: 'Date' },
          { key: 'technology', label: 'Technology', filter: true },
        ],
        rows: (elements as Element<'decision'>[]).map((d) => ({
          id: { text: d.id, href: elementHref(d), code: true },
          title: name(d),
          status: text(d.data.status),
          date: text(d.data.date),
          technology: text(d.data.technology),
        })),
      };
    case 'team':
      return {
        noun: 'team',
        columns: [
          { key: 'name', label: 'Team' },
          { key: 'contact', label: 'Contact' },
          { key: 'domains', label: 'Domains' },
          { key: 'services', label: 'Services' },
        ],
        rows: (elements as Element<'team'>[]).map((t) => {
          const owned = rel.owned.get(t.id) ?? [];
          return {
            name: name(t),
            contact: text(t.data.contact),
            domains: count(owned.filter((o) => o.kind === 'domain').length),
            services: count(owned.filter((o) => o.kind === 'service').length),
          };
        }),
      };
    case 'doc':
      return {
        noun: 'page',
        columns: [
          { key: 'name', label: 'Page' },
          { key: 'description', label: 'Description' },
        ],
        rows: (elements as Element<'doc'>[])
          // docs/index.md is this page itself.
          .filter((d) => d.id !== DOCS_INDEX)
          .sort((a, b) => (a.data.order ?? Infinity) - (b.data.order ?? Infinity) || compare(a.data.title, b.data.title))
          .map((d) => ({ name: { ...name(d), sort: d.data.order ?? Infinity }, description: text(d.data.description) })),
      };
    default:
      return {
        noun: kind === 'person' ? 'person' : 'system',
        columns: [
          { key: 'name', label: 'Name' },
          { key: 'description', label: 'Description' },
          { key: 'uses', label: 'Uses' },
        ],
        rows: elements.map((el) => ({
          name: name(el),
          description: text(summaryOf(el)),
          uses: text((rel.calls.get(keyOf(el)) ?? []).map((c) => displayName(model.byKind[c.to.kind].get(c.to.id) as Element)).join(', ')),
        })),
      };
  }
}
