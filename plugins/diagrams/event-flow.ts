import { keyOf, type Model } from '../model/model.ts';
import type { FlowNode, Flowchart } from './flowchart.ts';
import { elementNode } from './nodes.ts';
import { aggregate, type ViewOptions } from './options.ts';

/** Producers → event → consumers, for one event. */
export function eventFlowView(model: Model, eventId: string, options: ViewOptions): Flowchart | undefined {
  return eventsView(model, [eventId], options, `Flow of ${eventId}`);
}

/** The flow of every event a domain's services publish. */
export function domainEventsView(model: Model, domainId: string, options: ViewOptions): Flowchart | undefined {
  const events = model.relations.domainEvents.get(domainId) ?? [];
  const domain = model.byKind.domain.get(domainId);
  if (!domain || events.length === 0) return undefined;
  return eventsView(model, events, options, `Events of the ${domain.data.name} domain`);
}

function eventsView(model: Model, eventIds: readonly string[], options: ViewOptions, title: string): Flowchart | undefined {
  const events = eventIds.map((id) => model.byKind.event.get(id)).filter((e) => e !== undefined);
  if (events.length === 0) return undefined;
  const services = new Set<string>();
  const edges = aggregate();
  for (const event of events) {
    for (const p of model.relations.producers.get(event.id) ?? []) {
      services.add(p);
      edges.add(`service:${p}`, keyOf(event), 'publishes', true);
    }
    for (const c of model.relations.consumers.get(event.id) ?? []) {
      services.add(c);
      edges.add(keyOf(event), `service:${c}`, 'consumed by', true);
    }
  }
  const nodes: FlowNode[] = [
    ...[...services].sort().map((id) => elementNode(model, { kind: 'service', id }, options)),
    ...events.map((event) => {
      const broker = event.data.broker ? model.byKind.resource.get(event.data.broker) : undefined;
      const where = [broker?.data.name, event.data.channel].filter(Boolean).join(': ');
      return elementNode(model, event, options, where ? { detail: `[Event on ${where}]` } : {});
    }),
  ];
  // The events of a large domain are better read per event than as one unreadable wall; one
  // event with more consumers than can be drawn is reduced to the first of them (views.ts).
  if (events.length > 1 && nodes.length > options.maxNodes * 2) return undefined;
  return { direction: 'LR', title, nodes, edges: edges.list() };
}
