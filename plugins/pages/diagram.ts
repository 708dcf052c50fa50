import type { DiagramView, ViewName } from '../diagrams/index.ts';
import type { ModelState } from '../model/model-states.ts';
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
export function diagramFor(site: Site, name: ViewName, of: string | undefined, state?: ModelState): DiagramView | null {
  const view =
    name === 'neighbourhood' && of !== undefined && !of.startsWith('resource:')
      ? site.model.byKind.service.has(of.replace(/^service:/, ''))
        ? viewOf(site, name, of.replace(/^service:/, ''))
        : viewOf(site, name, `resource:${of.replace(/^service:/, '')}`)
      : viewOf(site, name, of);
  return view && state ? inState(view, state) : view;
}

/**
 * The view opening on `state` (`<Diagram state="target" />`), its other states behind the
 * switch as before; where the view reads alike in that state and the first, it is as it was.
 */
export function inState(view: DiagramView, state: ModelState): DiagramView {
  const all = [view, ...(view.states ?? [])];
  const asked = all.find((v) => v.state === state);
  if (asked === undefined || asked === view) return view;
  const { states: _states, ...first } = view;
  return { ...asked, states: [first, ...all.slice(1).filter((v) => v !== asked)] };
}
