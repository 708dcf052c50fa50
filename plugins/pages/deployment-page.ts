import type { DiagramView } from '../diagrams/index.ts';
import type { DeploymentNodeData } from '../model/schemas/deployment.ts';
import { bodyOf } from './body.ts';
import { decisionsAbout } from './decisions.ts';
import { viewOf } from './diagram.ts';
import { linkTo } from './links.ts';
import { elementHead } from './page-meta.ts';
import type { Site } from './site.ts';
import { section, sectionHeadings, type DecisionItem, type ElementLink, type PageHead, type PageSection } from './view.ts';

export interface DeploymentPage {
  readonly head: PageHead;
  readonly description?: string | undefined;
  readonly body?: string | undefined;
  /** "9 service instances, 10 resources, 23 replicas in all." */
  readonly summary: string;
  readonly diagram: DiagramView | null;
  /** Its nodes, then the decisions about it (when there are any). */
  readonly sections: readonly DeploymentSection[];
}

export interface NodeItem {
  readonly anchor: string;
  readonly name: string;
  readonly technology?: string | undefined;
  readonly description?: string | undefined;
  readonly instances: readonly {
    /** The element it runs, linked; its id when the model lacks it. */
    readonly target: ElementLink | { readonly text: string };
    readonly replicas?: string | undefined;
    readonly description?: string | undefined;
  }[];
  readonly nodes: readonly NodeItem[];
}

export type DeploymentSection =
  PageSection<'nodes', { readonly nodes: readonly NodeItem[] }> | PageSection<'decisions', { readonly items: readonly DecisionItem[] }>;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function deploymentPage(site: Site, id: string): DeploymentPage {
  const el = site.model.byKind.deployment.get(id);
  if (!el) throw new Error(`archsite: no deployment "${id}"`);
  const d = el.data;
  let services = 0;
  let resources = 0;
  let replicas = 0;
  const items = (nodes: readonly DeploymentNodeData[] | undefined): NodeItem[] =>
    (nodes ?? []).map((node) => ({
      anchor: `node-${node.id}`,
      name: node.name,
      technology: node.technology,
      description: node.description,
      instances: (node.instances ?? []).map((instance) => {
        const ref =
          'service' in instance ? { kind: 'service' as const, id: instance.service } : { kind: 'resource' as const, id: instance.resource };
        if (ref.kind === 'service') services++;
        else resources++;
        replicas += instance.replicas ?? 1;
        return {
          target: linkTo(site, ref) ?? { text: ref.id },
          replicas: instance.replicas === undefined ? undefined : `× ${instance.replicas}`,
          description: instance.description,
        };
      }),
      nodes: items(node.nodes),
    }));
  const nodes = items(d.nodes);
  const decisions = decisionsAbout(site, el);
  const sections: DeploymentSection[] = [
    ...section('nodes', 'Nodes', true, { nodes }),
    ...section('decisions', 'Decisions', decisions.length > 0, { items: decisions }),
  ];
  return {
    head: elementHead(site, el, d.name, d.description, sectionHeadings(sections)),
    description: d.description,
    body: bodyOf(el),
    summary: `${plural(services, 'service instance', 'service instances')}, ${plural(resources, 'resource', 'resources')}, ${plural(replicas, 'replica', 'replicas')} in all.`,
    diagram: viewOf(site, 'deployment', id),
    sections,
  };
}
