import type { ElementRef } from '../model/model.ts';
import { elementRoute } from '../model/routes.ts';
import type { FlowEdge } from './flowchart.ts';

/** How views link their nodes: page URLs under the site's base. */
export interface ViewOptions {
  readonly link: (ref: ElementRef) => string;
  readonly route: (route: string) => string;
  /** Views with more nodes than this collapse into per-domain boxes. @default 40 */
  readonly maxNodes: number;
}

/** Options for a site published under `base` (`/` or `/repo/`). */
export function viewOptions(base = '/', maxNodes = 40): ViewOptions {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const route = (r: string) => `${prefix}${r.replace(/^\//, '')}`;
  return { link: (ref) => route(elementRoute(ref)), route, maxNodes };
}

/**
 * Collects edges, merging the ones between the same two nodes: their labels are joined,
 * at most three shown, in the order first seen.
 */
export function aggregate() {
  const edges = new Map<string, { from: string; to: string; labels: string[]; async: boolean }>();
  return {
    add(from: string, to: string, label?: string, async = false) {
      const key = `${from}\u0000${to}\u0000${async}`;
      const edge = edges.get(key) ?? { from, to, labels: [], async };
      if (label && !edge.labels.includes(label)) edge.labels.push(label);
      edges.set(key, edge);
    },
    list(): FlowEdge[] {
      return [...edges.values()].map(({ from, to, labels, async }) => ({
        from,
        to,
        async,
        ...(labels.length > 0
          ? { label: labels.length > 3 ? `${labels.slice(0, 3).join(', ')} +${labels.length - 3}` : labels.join(', ') }
          : {}),
      }));
    },
  };
}
