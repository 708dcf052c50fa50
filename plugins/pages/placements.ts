import type { Placement } from '../model/model.ts';
import type { Site } from './site.ts';
import { elementHref } from './urls.ts';
import type { Link } from './view.ts';

export interface PlacementItem {
  readonly deployment: Link;
  /** The nodes it runs on, outermost first: `AWS › EKS cluster`. */
  readonly path: string;
  /** `× 3 replicas`, when given. */
  readonly replicas?: string | undefined;
}

/** Where an element runs, deployment by deployment. */
export function placementItems(site: Site, placements: readonly Placement[]): PlacementItem[] {
  return placements.flatMap((p) => {
    const deployment = site.model.byKind.deployment.get(p.deployment);
    if (!deployment) return [];
    return [
      {
        deployment: { text: deployment.data.name, href: elementHref(deployment, site.base) },
        path: p.nodes.map((n) => n.name).join(' › '),
        ...(p.replicas === undefined ? {} : { replicas: `× ${p.replicas} ${p.replicas === 1 ? 'replica' : 'replicas'}` }),
      },
    ];
  });
}
