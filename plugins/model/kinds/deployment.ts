import type { Placement } from '../model.ts';
import { deploymentSchema, type DeploymentNodeData } from '../schemas/deployment.ts';
import type { FieldPath } from '../yaml-position.ts';
import { defineKind, quote, type Resolver } from './define.ts';

/** An environment: nested nodes, with the services and resources they run, and what fronts them. */
export const deployment = defineKind({
  kind: 'deployment',
  folder: 'deployments',
  label: 'Deployment',
  plural: 'Deployments',
  sidebar: { position: 50 },
  schema: deploymentSchema,
  references: {
    service: { kinds: ['service'], role: 'deployed service' },
    resource: { kinds: ['resource'], role: 'deployed resource' },
    fronts: { kinds: ['service'], role: 'fronted service' },
  },
  resolve: (el, r) => walk(r, el.id, el.data.nodes ?? [], [], ['nodes']),
  scaffold: {
    extension: 'yaml',
    text: (c) => `# An environment: nested nodes, with the services and resources they run.
name: ${quote(c.name)}
# description: What this environment is for.
nodes:
  - id: cluster
    name: Cluster
    # technology: Kubernetes
${c.service ? `    instances:\n      - { service: ${c.service}, replicas: 2 }` : '    # instances:\n    #   - { service: <service id>, replicas: 2 }'}
`,
  },
});

/** Places each instance of the nodes and of the nodes they hold, with the trail of nodes from the outermost. */
function walk(r: Resolver, deployment: string, nodes: readonly DeploymentNodeData[], trail: Placement['nodes'], path: FieldPath): void {
  nodes.forEach((node, i) => {
    const nodePath = [...path, i];
    const here = [...trail, { id: node.id, name: node.name, technology: node.technology }];
    node.instances?.forEach((instance, j) => {
      const kind = 'service' in instance ? 'service' : 'resource';
      const raw = 'service' in instance ? instance.service : instance.resource;
      const target = r.ref(kind, [...nodePath, 'instances', j, kind], raw);
      if (target) r.relations.placements.add(`${target.kind}:${target.id}`, { deployment, nodes: here, replicas: instance.replicas });
    });
    node.fronts?.forEach((raw, j) => r.ref('fronts', [...nodePath, 'fronts', j], raw));
    if (node.nodes) walk(r, deployment, node.nodes, here, [...nodePath, 'nodes']);
  });
}
