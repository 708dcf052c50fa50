import type { ElementRef, Model } from '../model/model.ts';
import { keyOf } from '../model/model.ts';
import type { FlowEdge, FlowNode, Flowchart } from './flowchart.ts';
import { elementNode } from './nodes.ts';
import { aggregate, plannedCall, type ViewOptions } from './options.ts';

const SYSTEM_KEY = 'system:__self';

/**
 * C4 level 1, the system context: the system as one box, the people who use it and the
 * external systems around it.
 */
export function contextView(model: Model, options: ViewOptions): Flowchart {
  const internal = (ref: ElementRef) => ref.kind === 'service' || ref.kind === 'resource';
  const nodes: FlowNode[] = [];
  const edges = aggregate();
  for (const person of model.byKind.person.values()) nodes.push(elementNode(model, person, options, { withDescription: true }));
  nodes.push({
    key: SYSTEM_KEY,
    name: model.system.data.name,
    detail: '[Software system]',
    description: model.system.data.description,
    style: 'focus',
    link: options.route('/architecture/'),
  });
  // As every view draws them: a planned system dashed, a deprecated one said so.
  for (const system of model.byKind.system.values()) nodes.push(elementNode(model, system, options, { withDescription: true }));
  const end = (ref: ElementRef) => (internal(ref) ? SYSTEM_KEY : keyOf(ref));
  for (const calls of model.relations.calls.values()) {
    for (const call of calls) {
      const from = end(call.from);
      const to = end(call.to);
      if (from === to) continue;
      edges.add(from, to, call.description ?? call.protocol, false, plannedCall(model, call));
    }
  }
  return { direction: 'TB', layout: 'elk', title: `System context of ${model.system.data.name}`, nodes, edges: edges.list() };
}

export type { FlowEdge };
