import { buildStateView, plannedViews, viewOptions, type DiagramView, type ViewName } from '../diagrams/index.ts';
import type { LoadResult } from '../model/load.ts';
import type { Model } from '../model/model.ts';
import { stateModels } from '../model/model-states.ts';
import { viewKey, type Site } from '../pages/site.ts';

/**
 * The views of a site, each drawn (as mermaid text) the first time a page asks for it: a page
 * read through the MCP server needs its own few, never the thousands a build draws.
 */
class ViewsOnDemand extends Map<string, DiagramView | null> {
  readonly #planned: Map<string, [ViewName, string | undefined]>;
  readonly #draw: (name: ViewName, of: string | undefined) => DiagramView | null;

  constructor(model: Model, base: string) {
    super();
    this.#planned = new Map(plannedViews(model).map(([name, of]) => [viewKey(name, of), [name, of]]));
    const models = stateModels(model);
    const options = viewOptions(base);
    this.#draw = (name, of) => buildStateView(models, name, of, options) ?? null;
  }

  override get(key: string): DiagramView | null | undefined {
    if (!super.has(key)) {
      const planned = this.#planned.get(key);
      if (!planned) return undefined;
      super.set(key, this.#draw(...planned));
    }
    return super.get(key);
  }

  override has(key: string): boolean {
    return this.#planned.has(key);
  }
}

/**
 * A site for the page functions, from the checked content alone, as the server reads it: the
 * model and the files the check read, diagrams as their mermaid text (never rendered), and no
 * git history (a page's dates and changes are the build's to say).
 */
export function pageSite(checked: LoadResult & { model: Model }, today: string): Site {
  const base = '/';
  return {
    model: checked.model,
    base,
    today,
    git: { top: undefined, dates: new Map() },
    files: new Map([...checked.documents].map(([file, doc]) => [file, { text: doc.text, value: doc.value, api: doc.api }])),
    assets: checked.assets,
    diagrams: { mode: 'client', views: new ViewsOnDemand(checked.model, base), rendered: () => undefined },
    history: { commits: [], byPath: new Map(), note: 'Read by the MCP server, without git.', versions: new Map() },
  };
}
