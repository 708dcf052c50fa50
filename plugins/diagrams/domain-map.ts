import type { Model } from '../model/model.ts';
import { serviceDomain } from '../model/queries.ts';
import type { FlowNode, Flowchart } from './flowchart.ts';
import { elementNode } from './nodes.ts';
import { aggregate, type ViewOptions } from './options.ts';

/**
 * The domains and how they relate: a solid edge where a domain's services call another's,
 * a dotted one where they consume its events.
 */
export function domainMapView(model: Model, options: ViewOptions): Flowchart | undefined {
  if (model.byKind.domain.size === 0) return undefined;
  const nodes: FlowNode[] = [...model.byKind.domain.values()].map((d) => {
    const count = model.relations.domainServices.get(d.id)?.length ?? 0;
    return elementNode(model, d, options, {
      detail: `[${d.data.type} domain: ${count} ${count === 1 ? 'service' : 'services'}]`,
    });
  });
  const edges = aggregate();
  for (const calls of model.relations.calls.values()) {
    for (const call of calls) {
      if (call.from.kind !== 'service' || call.to.kind !== 'service') continue;
      const from = serviceDomain(model, call.from.id);
      const to = serviceDomain(model, call.to.id);
      if (from && to && from !== to) edges.add(`domain:${from}`, `domain:${to}`, 'calls');
    }
  }
  for (const [event, producers] of model.relations.producers) {
    for (const p of producers) {
      for (const c of model.relations.consumers.get(event) ?? []) {
        const from = serviceDomain(model, p);
        const to = serviceDomain(model, c);
        if (from && to && from !== to) edges.add(`domain:${from}`, `domain:${to}`, event, true);
      }
    }
  }
  return { direction: 'LR', layout: 'elk', title: `Domain map of ${model.system.data.name}`, nodes, edges: edges.list() };
}
