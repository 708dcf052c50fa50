import type { Model } from '../model/model.ts';
import type { DeploymentNodeData } from '../model/schemas/deployment.ts';
import type { FlowGroup, FlowNode, Flowchart } from './flowchart.ts';
import { elementNode } from './nodes.ts';
import { aggregate, type ViewOptions } from './options.ts';

/**
 * A deployment environment: nested deployment nodes as boundaries, the service and
 * resource instances inside them with their replicas, and the calls between instances
 * (not the reads and writes of each service's own store: the nesting already shows those).
 * When there are more instances than `maxNodes`, each node shows how many it runs
 * instead: a diagram of hundreds of boxes helps nobody.
 */
export function deploymentView(model: Model, deploymentId: string, options: ViewOptions): Flowchart | undefined {
  const deployment = model.byKind.deployment.get(deploymentId);
  if (!deployment) return undefined;
  const groups: FlowGroup[] = [];
  const nodes: FlowNode[] = [];
  const placed = new Map<string, string[]>();
  let instances = 0;
  const countAll = (list: readonly DeploymentNodeData[]) => {
    for (const n of list) {
      instances += n.instances?.length ?? 0;
      countAll(n.nodes ?? []);
    }
  };
  countAll(deployment.data.nodes ?? []);
  const summarise = instances > options.maxNodes;
  const walk = (list: readonly DeploymentNodeData[], parent: string | undefined, path: string) => {
    for (const n of list) {
      const key = `node:${path}${n.id}`;
      const detail = n.technology ? `[Deployment node: ${n.technology}]` : '[Deployment node]';
      const hasInside = (n.instances?.length ?? 0) > 0 || (n.nodes?.length ?? 0) > 0;
      if (!hasInside) {
        nodes.push({ key, name: n.name, detail, style: 'deployment-node', parent });
        continue;
      }
      groups.push({ key, title: `${n.name} ${detail}`, parent });
      if (summarise && n.instances?.length) {
        const services = n.instances.filter((i) => 'service' in i).length;
        const resources = n.instances.length - services;
        const parts = [services ? `${services} services` : '', resources ? `${resources} resources` : ''].filter(Boolean).join(', ');
        nodes.push({
          key: `${key}/instances`,
          name: parts,
          detail: '[Instances]',
          style: 'container',
          parent: key,
          link: options.link(deployment),
        });
      } else {
        for (const instance of n.instances ?? []) {
          const ref =
            'service' in instance
              ? ({ kind: 'service', id: instance.service } as const)
              : ({ kind: 'resource', id: instance.resource } as const);
          if (!model.byKind[ref.kind].has(ref.id)) continue;
          const instanceKey = `instance:${path}${n.id}/${ref.kind}:${ref.id}`;
          // Instances are named only: what they are is on their own diagrams, and the nodes say where they run.
          const node = elementNode(model, ref, options, { key: instanceKey, parent: key });
          nodes.push({ ...node, detail: instance.replicas !== undefined ? `× ${instance.replicas}` : undefined });
          placed.set(`${ref.kind}:${ref.id}`, [...(placed.get(`${ref.kind}:${ref.id}`) ?? []), instanceKey]);
        }
      }
      walk(n.nodes ?? [], key, `${path}${n.id}/`);
    }
  };
  walk(deployment.data.nodes ?? [], undefined, '');
  const edges = aggregate();
  if (!summarise) {
    for (const [from, fromKeys] of placed) {
      for (const call of model.relations.calls.get(from) ?? []) {
        const toKeys = placed.get(`${call.to.kind}:${call.to.id}`) ?? [];
        for (const a of fromKeys) for (const b of toKeys) edges.add(a, b, call.protocol);
      }
    }
  }
  return { direction: 'LR', layout: 'elk', title: `Deployment: ${deployment.data.name}`, nodes, groups, edges: edges.list() };
}
