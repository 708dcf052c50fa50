import type { ElementRef } from '../model/model.ts';
import { elementRoute } from '../model/routes.ts';
import type { FlowEdge } from './flowchart.ts';

/** How views link their nodes: page URLs under the site's base. */
export interface ViewOptions {
  readonly link: (ref: ElementRef) => string;
  readonly route: (route: string) => string;
  /** Deployments of more instances than this count them per node instead of drawing each. @default 40 */
  readonly maxNodes: number;
  /**
   * Past this many boxes (or half as many again relations), the system's containers view
   * shows its domains as boxes, each opening the domain's own view. @default 24
   */
  readonly maxContainers: number;
}

/** Options for a site published under `base` (`/` or `/repo/`). */
export function viewOptions(base = '/', maxNodes = 40, maxContainers = 24): ViewOptions {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const route = (r: string) => `${prefix}${r.replace(/^\//, '')}`;
  return { link: (ref) => route(elementRoute(ref)), route, maxNodes, maxContainers };
}

/**
 * Collects edges, merging the ones between the same two nodes. An edge that stands for one
 * relation is labelled with it; one that stands for several events says how many ("3
 * events"), and synchronous ones show up to three protocols: a label never grows with the
 * model. What a merged edge stands for is kept in its `items`, for the table under the figure.
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
      return [...edges.values()].map(({ from, to, labels, async }) => {
        const summarised = async ? labels.length > 1 : labels.length > 3;
        const label = summarised ? `${labels.length} ${async ? 'events' : 'relations'}` : labels.join(', ');
        return { from, to, async, ...(label ? { label } : {}), ...(summarised ? { items: labels } : {}) };
      });
    },
  };
}
