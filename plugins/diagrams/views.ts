import { DIAGRAM_VIEWS, type DiagramViewName } from '../model/diagram-views.ts';
import type { Model } from '../model/model.ts';
import { MODEL_STATES, stateModels, type ModelState, type StateModels } from '../model/model-states.ts';
import { componentView } from './components.ts';
import { containerView } from './containers.ts';
import { contextView } from './context.ts';
import { deploymentView } from './deployment.ts';
import { domainMapView } from './domain-map.ts';
import { sequenceView } from './sequence.ts';
import { entityView } from './entities.ts';
import { domainEventsView, eventFlowView } from './event-flow.ts';
import { legendOf, relationKindsOf, renderFlowchart, type Flowchart, type LegendItem, type RelationKind } from './flowchart.ts';
import { DIAGRAM_LIMITS, withinLimits } from './limits.ts';
import { resourceNeighbourhood, serviceNeighbourhood } from './neighbourhood.ts';
import { standsUp } from './stands-up.ts';
import type { ViewOptions } from './options.ts';

/** The views a page or a `<Diagram view="..." />` can show (the model core checks their uses). */
export const VIEW_NAMES = Object.keys(DIAGRAM_VIEWS) as DiagramViewName[];
export type ViewName = DiagramViewName;

/** A generated diagram: its mermaid text and what it shows. */
export interface DiagramView {
  readonly name: ViewName;
  /** The element the view is about, where it is about one. */
  readonly of?: string | undefined;
  readonly title: string;
  readonly text: string;
  /** What the view leaves out or draws in short, said under the figure. */
  readonly notes?: readonly string[] | undefined;
  /** The edges that stand for several relations, and what each stands for: the table under the figure. */
  readonly bundles?: readonly EdgeBundle[] | undefined;
  /** Set when the view was too large to draw whole: what it leaves out (the build warns). */
  readonly reduced?: string | undefined;
  /** What its colours and lines mean: the legend under the figure. */
  readonly legend?: readonly LegendItem[] | undefined;
  /** The kinds of relation it draws: a switch for each shows or hides them. */
  readonly relations?: readonly RelationKind[] | undefined;
  /** Of those, the ones hidden until a reader switches them on. */
  readonly hidden?: readonly RelationKind[] | undefined;
  /**
   * The same diagram drawn top to bottom, for a narrow column (a phone): shown instead where
   * it is the narrower of the two and the column too narrow for the first (see astro/diagrams/figure.ts).
   */
  readonly narrow?: string | undefined;
  /** Where the model has planned or retired things: the state of the architecture the view shows (see model/model-states.ts). */
  readonly state?: ModelState | undefined;
  /** The same view in the other states, where it reads differently: a switch shows each. */
  readonly states?: readonly DiagramView[] | undefined;
}

/** Views drawn left to right that may read better top to bottom on a phone: where they are a chain of narrow ranks (see stands-up.ts). */
const NARROW_VARIANTS: ReadonlySet<ViewName> = new Set(['event-flow', 'neighbourhood']);

export interface EdgeBundle {
  readonly from: string;
  readonly to: string;
  readonly items: readonly string[];
}

/**
 * A flowchart as a view: its text (within the limits mermaid and readers have), its notes,
 * and a row for each edge that stands for several relations.
 */
function flowView(name: ViewName, of: string | undefined, whole: Flowchart): DiagramView {
  let chart = whole;
  let text = renderFlowchart(whole);
  let reduced: string | undefined;
  if (text.length > DIAGRAM_LIMITS.text || whole.nodes.length > DIAGRAM_LIMITS.nodes || whole.edges.length > DIAGRAM_LIMITS.edges) {
    ({ chart, reduced } = withinLimits(whole));
    text = renderFlowchart(chart);
  }
  const relations = relationKindsOf(chart);
  // Hidden at first only where something else stays drawn: a switch never starts with an empty diagram.
  const hidden = (chart.hiddenKinds ?? []).filter((k) => relations.includes(k));
  if (hidden.length === relations.length) hidden.length = 0;
  const names = new Map(chart.nodes.map((n) => [n.key, n.name]));
  const bundles = chart.edges
    .filter((e) => e.items && e.items.length > 1)
    .map((e) => ({ from: names.get(e.from) ?? e.from, to: names.get(e.to) ?? e.to, items: e.items! }));
  return {
    name,
    of,
    title: chart.title,
    text,
    ...(chart.notes?.length ? { notes: chart.notes } : {}),
    ...(bundles.length > 0 ? { bundles } : {}),
    ...(reduced ? { reduced } : {}),
    legend: legendOf(chart),
    relations,
    ...(hidden.length > 0 ? { hidden } : {}),
    ...(chart.direction === 'LR' && NARROW_VARIANTS.has(name) && standsUp(chart)
      ? { narrow: renderFlowchart({ ...chart, direction: 'TB' }) }
      : {}),
  };
}

/**
 * The mermaid text of one view, or undefined when the model has nothing to show for it
 * (a service without components, an unknown id). `of` names the element: a service for
 * `component` and `neighbourhood` (or `resource:<id>` for a resource's neighbourhood), a
 * domain for `container` and `domain-events`, an event, a deployment.
 */
export function buildView(model: Model, name: ViewName, of: string | undefined, options: ViewOptions): DiagramView | undefined {
  const flow = (chart: Flowchart | undefined): DiagramView | undefined => (chart ? flowView(name, of, chart) : undefined);
  switch (name) {
    case 'context':
      return flow(contextView(model, options));
    case 'container':
      return of === undefined
        ? flow(containerView(model, options))
        : model.byKind.domain.has(of)
          ? flow(containerView(model, options, of))
          : undefined;
    case 'component':
      return of === undefined ? undefined : flow(componentView(model, of, options));
    case 'deployment':
      return of === undefined ? undefined : flow(deploymentView(model, of, options));
    case 'event-flow':
      return of === undefined ? undefined : flow(eventFlowView(model, of, options));
    case 'domain-events':
      return of === undefined ? undefined : flow(domainEventsView(model, of, options));
    case 'neighbourhood': {
      if (of === undefined) return undefined;
      if (of.startsWith('resource:')) return flow(resourceNeighbourhood(model, of.slice('resource:'.length), options));
      const id = of.replace(/^service:/, '');
      return model.byKind.service.has(id)
        ? flow(serviceNeighbourhood(model, id, options))
        : flow(resourceNeighbourhood(model, id, options));
    }
    case 'domain-map':
      return flow(domainMapView(model, options));
    case 'entities': {
      const er = entityView(model, of);
      return er ? { name, of, title: er.title, text: er.text } : undefined;
    }
    case 'flow': {
      const sequence = of === undefined ? undefined : sequenceView(model, of);
      return sequence ? { name, of, title: sequence.title, text: sequence.text } : undefined;
    }
  }
}

/**
 * A view in the states of the architecture it reads differently in: the current state first
 * (the default), then the target state, then both, each drawn once. Where the view has
 * nothing to show now (a planned service's neighbourhood), it opens on the next state that
 * has. Where the model has no states, or the view reads alike in all of them, it is the plain view.
 * A flow (a sequence written step by step) is always drawn as written.
 */
export function buildStateView(models: StateModels, name: ViewName, of: string | undefined, options: ViewOptions): DiagramView | undefined {
  // A flow is a sequence as written, step by step: it is drawn whole, whatever state its participants are in.
  if (name === 'flow') return buildView(models.both, name, of, options);
  const current = buildView(models.current, name, of, options);
  if (models.current === models.both) return current;
  const distinct: DiagramView[] = [];
  for (const state of MODEL_STATES) {
    const view = state === 'current' ? current : buildView(models[state], name, of, options);
    if (view && !distinct.some((d) => d.text === view.text)) distinct.push({ ...view, state });
  }
  const [first, ...others] = distinct;
  if (first === undefined) return undefined;
  if (others.length === 0) return first.state === 'current' ? current : first;
  return { ...first, states: others };
}

/**
 * The system's containers view both ways: whole, and with each domain as one box. The build
 * draws the whole one and keeps it where it reads at its size, else the other (see
 * astro/diagrams/prerender.ts). `domains` is undefined where there are not two domains to group by.
 */
export function containerViews(model: Model, options: ViewOptions): { whole?: DiagramView | undefined; domains?: DiagramView | undefined } {
  const flow = (chart: Flowchart | undefined) => (chart ? flowView('container', undefined, chart) : undefined);
  return {
    whole: flow(containerView(model, options, undefined, 'whole')),
    domains: flow(containerView(model, options, undefined, 'domains')),
  };
}

/** The views the site shows, page by page, in a fixed order: each name, with the element it is of. */
export function plannedViews(model: Model): [ViewName, string | undefined][] {
  const wanted: [ViewName, string | undefined][] = [
    ['context', undefined],
    ['container', undefined],
    ['domain-map', undefined],
    ['entities', undefined],
  ];
  for (const id of model.byKind.service.keys()) wanted.push(['neighbourhood', id], ['component', id], ['entities', id]);
  for (const id of model.byKind.domain.keys()) wanted.push(['container', id], ['domain-events', id]);
  for (const id of model.byKind.event.keys()) wanted.push(['event-flow', id]);
  for (const id of model.byKind.resource.keys()) wanted.push(['neighbourhood', `resource:${id}`]);
  for (const id of model.byKind.deployment.keys()) wanted.push(['deployment', id]);
  for (const id of model.byKind.flow.keys()) wanted.push(['flow', id]);
  return wanted;
}

/** Every view the site shows that has something to show, in the order of `plannedViews`, each in the states it reads differently in. */
export function siteViews(model: Model, options: ViewOptions, models: StateModels = stateModels(model)): DiagramView[] {
  return plannedViews(model)
    .map(([name, of]) => buildStateView(models, name, of, options))
    .filter((v): v is DiagramView => v !== undefined);
}
