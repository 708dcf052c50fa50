import { compare } from '../model/diagnostics.ts';
import type { ElementKind } from '../model/kinds.ts';
import { keyOf, type Element, type ElementRef } from '../model/model.ts';
import { adrNumber, displayName, serviceTypeLabel, summaryOf } from '../model/names.ts';
import { serviceDomain } from '../model/queries.ts';
import { DOCS_INDEX } from '../model/routes.ts';
import { byText, linksTo } from './links.ts';
import { reviewOf, type ReviewDate } from './reviews.ts';
import type { Site } from './site.ts';
import { elementHref } from './urls.ts';
import type { Link } from './view.ts';

export interface Cell {
  /** The text filtered on and shown (joined, for a cell of several links). */
  text: string;
  href?: string | undefined;
  /** Several links in one cell (an event's producers). */
  links?: readonly Link[] | undefined;
  sort?: string | number | undefined;
  code?: boolean;
  /** Kept on one line: dates, numbers, ids. */
  nowrap?: boolean;
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
 * The table of a kind's index page: one row per element, sorted by name, with the columns a
 * reader sorts and filters that kind by (services by domain, team, type and language).
 */
export function indexTable(site: Site, kind: ElementKind): IndexTable {
  const table = rawTable(site, kind);
  // By name (the first column) unless the kind has an order of its own (docs, decisions).
  if (kind === 'doc' || kind === 'decision') return table;
  const first = table.columns[0]!.key;
  return { ...table, rows: byText(table.rows, (row) => row[first]?.text ?? '') };
}

function rawTable(site: Site, kind: ElementKind): IndexTable {
  const { model, base } = site;
  const elements = [...model.byKind[kind].values()] as Element[];
  const name = (el: Element): Cell => ({ text: displayName(el), href: elementHref(el, base), sort: displayName(el).toLowerCase() });
  const ref = (k: 'domain' | 'team' | 'resource', id: string | undefined): Cell | undefined => {
    const target = id ? (model.byKind[k].get(id) as Element | undefined) : undefined;
    return target ? { text: displayName(target), href: elementHref(target, base) } : undefined;
  };
  const text = (value: string | number | undefined): Cell | undefined =>
    value === undefined || value === '' ? undefined : { text: String(value) };
  const count = (n: number): Cell => ({ text: String(n), sort: n, nowrap: true });
  /** Links to elements, by name, in one cell. */
  const links = (refs: readonly ElementRef[]): Cell | undefined => {
    const list = byText(linksTo(site, refs));
    return list.length === 0 ? undefined : { text: list.map((l) => l.text).join(', '), links: list };
  };
  const services = (ids: readonly string[]) => links([...new Set(ids)].map((id) => ({ kind: 'service' as const, id })));
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
          type: text(serviceTypeLabel(s.data.type)),
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
            id: { text: e.id, href: elementHref(e, base), code: true },
            name: text(e.data.name),
            domain: links(domains.map((id) => ({ kind: 'domain' as const, id }))),
            channel: text(e.data.channel),
            producers: services(producers),
            consumers: services(rel.consumers.get(e.id) ?? []),
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
            owners: services(uses.filter((u) => u.via === 'store').map((u) => u.service)),
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
    case 'decision': {
      const decisions = elements as Element<'decision'>[];
      // A review column only where some decision has a review date.
      const reviewed = decisions.some((d) => d.data.review !== undefined);
      return {
        noun: 'decision',
        columns: [
          { key: 'number', label: 'ADR' },
          { key: 'title', label: 'Title' },
          { key: 'status', label: 'Status', filter: true },
          { key: 'date', label: 'Date' },
          { key: 'technology', label: 'Technology', filter: true },
          ...(reviewed ? [{ key: 'review', label: 'Review' }] : []),
        ],
        rows: decisions.map((d) => {
          const n = adrNumber(d.id);
          return {
            number: {
              text: n === undefined ? d.id : String(n),
              href: elementHref(d, base),
              sort: n ?? d.id,
              nowrap: true,
              code: n === undefined,
            },
            title: name(d),
            status: text(d.data.status),
            date: { text: d.data.date, nowrap: true },
            technology: text(d.data.technology),
            review: reviewCell(reviewOf(site, d)),
          };
        }),
      };
    }
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
    case 'requirement':
      return {
        noun: 'requirement',
        columns: [
          { key: 'name', label: 'Requirement' },
          { key: 'type', label: 'Type', filter: true },
          { key: 'category', label: 'Category', filter: true },
          { key: 'priority', label: 'Priority', filter: true },
          { key: 'status', label: 'Status', filter: true },
          { key: 'satisfiedBy', label: 'Satisfied by' },
        ],
        rows: (elements as Element<'requirement'>[]).map((r) => ({
          name: name(r),
          type: text(r.data.type === 'functional' ? 'Functional' : 'Non-functional'),
          category: text(r.data.category),
          priority: text(r.data.priority),
          status: text(r.data.status),
          satisfiedBy: links(rel.satisfiedBy.get(r.id) ?? []),
        })),
      };
    case 'flow':
      return {
        noun: 'flow',
        columns: [
          { key: 'name', label: 'Flow' },
          { key: 'description', label: 'Description' },
          { key: 'participants', label: 'Participants' },
        ],
        rows: (elements as Element<'flow'>[]).map((f) => {
          const ends = (rel.flowSteps.get(f.id) ?? []).flatMap((s) => [s.from, s.to]);
          const unique = [...new Map(ends.map((ref) => [keyOf(ref), ref])).values()];
          return { name: name(f), description: text(f.data.description), participants: links(unique) };
        }),
      };
    case 'stakeholder':
      return {
        noun: 'stakeholder',
        columns: [
          { key: 'name', label: 'Stakeholder' },
          { key: 'concerns', label: 'Concerns' },
          { key: 'influence', label: 'Influence', filter: true },
          { key: 'interest', label: 'Interest', filter: true },
          { key: 'represents', label: 'Represented by' },
        ],
        rows: (elements as Element<'stakeholder'>[]).map((s) => ({
          name: name(s),
          concerns: text((s.data.concerns ?? []).join(', ')),
          influence: text(s.data.influence),
          interest: text(s.data.interest),
          represents: links(rel.represents.get(s.id) ?? []),
        })),
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
          uses: links((rel.calls.get(keyOf(el)) ?? []).map((c) => c.to)),
        })),
      };
  }
}

/** A review date in a table: the date, said overdue when it is (sorted by the date). */
function reviewCell(review: ReviewDate | undefined): Cell | undefined {
  return review && { text: review.overdue ? `${review.date} (overdue)` : review.date, sort: review.date, nowrap: true };
}
