import type { DiagramView } from '../../diagrams/index.ts';
import { MODEL_STATES } from '../../model/model-states.ts';
import { figureHtml, type FigureContext, type FigureInput } from './figure.ts';

/** A generated view as the input of its figure, on the page at `here`. */
function inputOf(view: DiagramView, here: string, state: FigureInput['state']): FigureInput {
  return {
    text: view.text,
    title: view.title,
    view: view.name,
    of: view.of,
    notes: view.notes,
    bundles: view.bundles,
    legend: view.legend,
    relations: view.relations,
    hidden: view.hidden,
    narrow: view.narrow,
    here,
    state,
  };
}

/**
 * The figure of a generated view; where the view reads differently in the states of the
 * architecture (see diagrams/views.ts, `buildStateView`), a figure for each state, one after
 * the other in a set: the first shown, the others hidden until their switch is pressed (see
 * client/diagram-figure.ts). Without the script, the first state is what the page shows.
 */
export function viewFiguresHtml(view: DiagramView, here: string, context: FigureContext): string {
  const views = [view, ...(view.states ?? [])];
  // The switch lists the states in their own order, whichever the set opens on.
  const offered = MODEL_STATES.filter((state) => views.some((v) => v.state === state));
  const opens = view.state;
  const figures = views.map((v) =>
    figureHtml(inputOf(v, here, v.state && opens ? { shown: v.state, offered, opens } : undefined), context),
  );
  return figures.length === 1 ? figures[0]! : `<div class="as-diagram-states">${figures.join('')}</div>`;
}
