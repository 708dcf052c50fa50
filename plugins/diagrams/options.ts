import type { Call, ElementRef, Model } from '../model/model.ts';
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
 * An edge is planned (drawn dashed) only where every relation it stands for is.
 */
export function aggregate() {
  const edges = new Map<string, { from: string; to: string; labels: string[]; async: boolean; planned: boolean }>();
  return {
    add(from: string, to: string, label?: string, async = false, planned = false) {
      const key = `${from}\u0000${to}\u0000${async}`;
      const edge = edges.get(key) ?? { from, to, labels: [], async, planned };
      if (label && !edge.labels.includes(label)) edge.labels.push(label);
      edge.planned &&= planned;
      edges.set(key, edge);
    },
    list(): FlowEdge[] {
      return [...edges.values()].map(({ from, to, labels, async, planned }) => {
        const summarised = async ? labels.length > 1 : labels.length > 3;
        const label = summarised ? `${labels.length} ${async ? 'events' : 'relations'}` : labels.join(', ');
        return { from, to, async, ...(label ? { label } : {}), ...(summarised ? { items: labels } : {}), ...(planned ? { planned } : {}) };
      });
    },
  };
}

/** Not there yet: drawn dashed. */
const NOT_YET: ReadonlySet<string | undefined> = new Set(['planned', 'proposed']);

/** Whether a call is not made yet: planned or proposed itself, or made by or to something that is (see model-states.ts). */
export function plannedCall(model: Model, call: Call): boolean {
  const stateOf = (ref: ElementRef) => (model.byKind[ref.kind].get(ref.id)?.data as { readonly lifecycle?: string } | undefined)?.lifecycle;
  return NOT_YET.has(call.lifecycle) || NOT_YET.has(stateOf(call.from)) || NOT_YET.has(stateOf(call.to));
}
