import { kindInfo } from '../model/kinds.ts';
import type { Call, ElementRef, Placement } from '../model/model.ts';
import { linkTo } from './links.ts';
import type { Site } from './site.ts';
import { elementHref } from './urls.ts';
import type { CallRow, Link } from './view.ts';

/** Calls as table rows, showing the `side` end of each: linked where the element exists. */
export function callRows(site: Site, calls: readonly Call[], side: 'to' | 'from'): CallRow[] {
  return calls.map((call) => {
    const ref: ElementRef = call[side];
    return {
      target: linkTo(site, ref) ?? { text: ref.id, kind: kindInfo(ref.kind).label },
      protocol: call.protocol ?? '',
      description: call.description ?? '',
    };
  });
}

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
