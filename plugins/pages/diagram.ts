import type { DiagramView, ViewName } from '../diagrams/index.ts';
import { viewKey, type Site } from './site.ts';

/**
 * A generated view of the site, as built once for the build (see site.ts): null when the
 * model has nothing to show for it. A view the build did not plan is a fault of archsite,
 * never drawn on the fly.
 */
export function viewOf(site: Site, name: ViewName, of?: string): DiagramView | null {
  const key = viewKey(name, of);
  const view = site.diagrams.views.get(key);
  if (view === undefined) throw new Error(`archsite: the diagram view "${key}" was not built for this site`);
  return view;
}

/**
 * The view `<Diagram view="..." of="..." />` asks for, as MDX writes it: a neighbourhood's
 * `of` may name a service (`orders`, `service:orders`) or a resource (`db`, `resource:db`).
 */
export function diagramFor(site: Site, name: ViewName, of: string | undefined): DiagramView | null {
  if (name === 'neighbourhood' && of !== undefined && !of.startsWith('resource:')) {
    const id = of.replace(/^service:/, '');
    return site.model.byKind.service.has(id) ? viewOf(site, name, id) : viewOf(site, name, `resource:${id}`);
  }
  return viewOf(site, name, of);
}
