import type { Element } from '../model/model.ts';
import { byText, linkTo } from './links.ts';
import type { Site } from './site.ts';
import type { ElementLink } from './view.ts';

/**
 * Who sends events to whom, as a table a stakeholder can scan: one row per producing service,
 * one column per consuming service, each cell the events that flow from the row's service to
 * the column's. Rows and columns by name; events in each cell by name.
 */
export interface MessageMatrix {
  readonly producers: readonly ElementLink[];
  readonly consumers: readonly ElementLink[];
  /** `cells[row][column]`: the events the row's producer sends that the column's consumer receives. */
  readonly cells: readonly (readonly (readonly ElementLink[])[])[];
  /** Events of the set that nobody consumes, or nobody produces: they have no cell. */
  readonly unmatched: readonly ElementLink[];
}

/** The matrix of a set of events (those a broker carries, those a domain's services exchange); undefined when no event flows. */
export function messageMatrix(site: Site, events: readonly Element<'event'>[]): MessageMatrix | undefined {
  const rel = site.model.relations;
  const flows = new Map<string, Map<string, ElementLink[]>>();
  const unmatched: ElementLink[] = [];
  for (const event of events) {
    const link = linkTo(site, event);
    if (!link) continue;
    const producers = rel.producers.get(event.id) ?? [];
    const consumers = rel.consumers.get(event.id) ?? [];
    if (producers.length === 0 || consumers.length === 0) unmatched.push(link);
    for (const producer of producers) {
      const row = flows.get(producer) ?? new Map<string, ElementLink[]>();
      flows.set(producer, row);
      for (const consumer of consumers) row.set(consumer, [...(row.get(consumer) ?? []), link]);
    }
  }
  const serviceLink = (id: string) => {
    const link = linkTo(site, { kind: 'service', id });
    return link ? [{ id, link }] : [];
  };
  const rows = byText([...flows.keys()].filter((p) => flows.get(p)!.size > 0).flatMap(serviceLink), (r) => r.link.text);
  const columns = byText([...new Set([...flows.values()].flatMap((row) => [...row.keys()]))].flatMap(serviceLink), (c) => c.link.text);
  if (rows.length === 0 || columns.length === 0) return undefined;
  return {
    producers: rows.map((r) => r.link),
    consumers: columns.map((c) => c.link),
    cells: rows.map((r) => columns.map((c) => byText(flows.get(r.id)?.get(c.id) ?? []))),
    unmatched: byText(unmatched),
  };
}
