import type { Element } from '../model/model.ts';
import { byText, linkTo } from './links.ts';
import type { Site } from './site.ts';
import type { ElementLink } from './view.ts';

/** The most receiving services a grid has as columns: more would scroll a laptop's column sideways past reading. */
export const GRID_MAX_COLUMNS = 12;
/** The most sending services a grid has as rows. */
export const GRID_MAX_ROWS = 40;

/**
 * Who sends events to whom, as a table a stakeholder can scan. While it stays small, a grid:
 * one row per producing service, one column per consuming service, each cell the events that
 * flow from the row's service to the column's. Past GRID_MAX_COLUMNS or GRID_MAX_ROWS, a
 * list: each sending service once, with each service it sends to and what it sends. A broker
 * of a thousand services is a grid of a million cells, mostly empty, that no one reads (and
 * megabytes of page); the list holds only the pairs that exchange events. Services by name,
 * events by name.
 */
export type MessageMatrix = MessageGrid | MessageList;

export interface MessageGrid {
  readonly form: 'grid';
  readonly producers: readonly ElementLink[];
  readonly consumers: readonly ElementLink[];
  /** `cells[row][column]`: the events the row's producer sends that the column's consumer receives. */
  readonly cells: readonly (readonly (readonly ElementLink[])[])[];
  /** Events of the set that nobody consumes, or nobody produces: they have no cell. */
  readonly unmatched: readonly ElementLink[];
}

export interface MessageList {
  readonly form: 'list';
  /** Each sending service, with the services it sends to and the events each receives from it. */
  readonly senders: readonly {
    readonly sender: ElementLink;
    readonly receivers: readonly { readonly receiver: ElementLink; readonly events: readonly ElementLink[] }[];
  }[];
  /** What the table shows, and why it is not a grid: `120 services send events to 240 …`. */
  readonly caption: string;
  /** Events of the set that nobody consumes, or nobody produces: they are in no row. */
  readonly unmatched: readonly ElementLink[];
}

/** The table of a set of events (those a broker carries, those a domain's services exchange); undefined when no event flows. */
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
  if (columns.length > GRID_MAX_COLUMNS || rows.length > GRID_MAX_ROWS) {
    const senders = rows.flatMap((r) => {
      const sent = flows.get(r.id)!;
      const receivers = columns.flatMap((c) => (sent.has(c.id) ? [{ receiver: c.link, events: byText(sent.get(c.id)!) }] : []));
      return receivers.length > 0 ? [{ sender: r.link, receivers }] : [];
    });
    return {
      form: 'list',
      senders,
      caption: `${senders.length === 1 ? '1 service sends' : `${senders.length} services send`} events to ${columns.length}, too many for a grid: a row for each service that receives from another, and what it receives`,
      unmatched: byText(unmatched),
    };
  }
  return {
    form: 'grid',
    producers: rows.map((r) => r.link),
    consumers: columns.map((c) => c.link),
    cells: rows.map((r) => columns.map((c) => byText(flows.get(r.id)?.get(c.id) ?? []))),
    unmatched: byText(unmatched),
  };
}
