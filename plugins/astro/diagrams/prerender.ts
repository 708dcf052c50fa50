import { buildStateView, containerViews, plannedViews, viewOptions, type DiagramView } from '../../diagrams/index.ts';
import { Diagnostics, type Diagnostic } from '../../model/diagnostics.ts';
import { parseBody } from '../../model/markdown-body.ts';
import type { Model } from '../../model/model.ts';
import { stateModels } from '../../model/model-states.ts';
import type { MarkdownBody } from '../../model/parse-source.ts';
import { viewKey } from '../../pages/site.ts';
import { INLINE_SOURCE_LIMIT, svgSize } from './figure.ts';
import type { ChromiumPages } from './chromium-pages.ts';
import { renderDiagrams, type RenderReport } from './render.ts';
import type { SvgStore } from './svg-store.ts';

export interface PrerenderResult {
  /** `svg`: diagrams are static SVG; `client`: no browser was found, the reader's browser draws them. */
  readonly mode: 'svg' | 'client';
  readonly views: number;
  readonly fences: number;
  readonly rendered: number;
  /** Of the rendered ones, how many were drawn in Node, without a browser (see drawn/draw.ts). */
  readonly drawnInNode: number;
  /** Of the rendered ones, how many had their dark SVG derived from the light one. */
  readonly transplanted: number;
  readonly cached: number;
  /** Mermaid fences in Markdown that do not render, at their file and line. */
  readonly diagnostics: readonly Diagnostic[];
  /** Diagram texts too long to put under their figures: published beside the site (see figure.ts). */
  readonly longSources: readonly string[];
  /** Views too large to draw whole, each with what it leaves out: the build warns of each. */
  readonly reduced: readonly { title: string; reduced: string }[];
}

/** Every mermaid fence in the model's Markdown, where it was written. */
export function mermaidFences(model: Model): { file: string; line: number; column: number; text: string }[] {
  const bodies: { file: string; body: MarkdownBody }[] = [];
  if (model.system.body) bodies.push({ file: model.system.source.file, body: model.system.body });
  for (const el of model.elements) if (el.body) bodies.push({ file: el.source.file, body: el.body });
  return bodies.flatMap(({ file, body }) => {
    const parsed = parseBody(body);
    return parsed.ok ? parsed.fences.filter((f) => f.lang === 'mermaid').map((f) => ({ file, ...f.at, text: f.text })) : [];
  });
}

/**
 * Every generated view of the site, built once for the build, by `viewKey`: null where the
 * model has nothing to show for it. Pages and `<Diagram>` look views up here.
 */
export function siteDiagramViews(model: Model, base: string): Map<string, DiagramView | null> {
  const options = viewOptions(base);
  const models = stateModels(model);
  return new Map(plannedViews(model).map(([name, of]) => [viewKey(name, of), buildStateView(models, name, of, options) ?? null]));
}

/** The content column of a laptop screen, and the screen's height: where the system's views are first read. */
const COLUMN_PX = 720;
const SCREEN_PX = 900;

/**
 * Whether a diagram of this natural size reads in the content column at 1440 px: fitted to
 * the column its 16 px text stays at 8 px or more, and it is at most one and a half screens
 * tall (the rule by which a figure becomes a scrolling preview, see client/diagram-figure.ts).
 */
export function readsAtSize({ width, height }: { width: number; height: number }): boolean {
  const fit = Math.min(1, COLUMN_PX / width);
  return 16 * fit >= 8 && height * fit <= SCREEN_PX * 1.5;
}

/** The mermaid fences of the content, rendered: what a page's Markdown embeds as it is read. */
export interface RenderedFences {
  readonly fences: readonly { file: string; line: number; column: number; text: string }[];
  readonly report: RenderReport | undefined;
  /** Mermaid fences that do not render, at their file and line. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Renders the mermaid fences of the content's Markdown, first: Astro renders the Markdown
 * as it reads the content, before it bundles the pages, and puts each fence's SVG into the
 * page then. Without a browser, or without a fence, renders nothing.
 */
export async function prerenderFences(model: Model, chromium: ChromiumPages | undefined, store: SvgStore): Promise<RenderedFences> {
  const fences = mermaidFences(model);
  if (!chromium || fences.length === 0) return { fences, report: undefined, diagnostics: [] };
  const report = await renderDiagrams(
    fences.map((f) => f.text),
    chromium,
    store,
  );
  const diagnostics = new Diagnostics();
  for (const fence of fences) {
    const error = report.errors.get(fence.text);
    if (error) diagnostics.report('mermaid-syntax', fence.file, fence, `mermaid diagram does not render: ${error}`);
  }
  return { fences, report, diagnostics: diagnostics.list() };
}

/**
 * Renders every generated view the site will show, while `fencing` renders the fences (see
 * `prerenderFences`), and reports on both: cached across builds in `store`, so pages only
 * look SVGs up. Without a browser, reports `client` mode and renders nothing. Sets the
 * system's containers view in `planned` to the way of drawing it that reads at its size: a
 * build reads `planned` only from its first page on, once this is done. Stops early, with
 * what it has, once `signal` is aborted (the build has failed).
 */
export async function prerenderDiagrams(
  model: Model,
  planned: Map<string, DiagramView | null>,
  chromium: ChromiumPages | undefined,
  store: SvgStore,
  base: string,
  fencing: Promise<RenderedFences>,
  signal?: AbortSignal,
): Promise<PrerenderResult> {
  // The system's containers view is drawn both ways, in each state it has; the way that reads at its size is kept (below).
  const systemContainers = planned.get(viewKey('container', undefined));
  const containers = chromium && systemContainers ? containerStates(model, systemContainers, base) : [];
  const candidates = containers.flatMap(({ whole, domains }) => (whole && domains ? [whole, domains] : []));
  const all = [...planned.values(), ...candidates].flatMap((v) => (v === null ? [] : [v, ...(v.states ?? [])]));
  const views = [...new Set(all.flatMap((v) => (v.narrow ? [v.text, v.narrow] : [v.text])))];
  // Warned of once a view: a state of it left short is short alike.
  const reduced = [...planned.values(), containers[0]?.whole, containers[0]?.domains].flatMap((v) =>
    v?.reduced ? [{ title: v.title, reduced: v.reduced }] : [],
  );
  const fences = mermaidFences(model);
  const longSources = [...new Set([...views, ...fences.map((f) => f.text)].filter((t) => t.length > INLINE_SOURCE_LIMIT))];
  const counts = { views: views.length, fences: fences.length, longSources, reduced };
  if (!chromium) return { mode: 'client', ...counts, rendered: 0, drawnInNode: 0, transplanted: 0, cached: 0, diagnostics: [] };
  // A fence that is also a view is rendered with the fences (`fencing`), side by side with these.
  const fenceTexts = new Set(fences.map((f) => f.text));
  const report = await renderDiagrams(
    views.filter((v) => !fenceTexts.has(v)),
    chromium,
    store,
    // Drawn last: Chromium's memory is given back once its share is done (600 MB at N=1,000), while Node draws on.
    { signal, rest: true },
  );
  const fenced = await fencing;
  // A generated view that fails is a bug in archsite, not in the content.
  const broken = views.filter((v) => report.errors.has(v));
  if (broken.length > 0)
    throw new Error(`archsite generated ${broken.length} diagram(s) mermaid cannot render: ${report.errors.get(broken[0]!)}\n${broken[0]}`);
  const first = containers[0];
  if (first?.whole && first.domains) {
    // One way for every state, as the first reads: a switch of state never changes how much is drawn.
    const size = svgSize(store.svg(first.whole.text, 'light') ?? '');
    const way = size && readsAtSize(size) ? 'whole' : 'domains';
    const drawn = containers.map((c) => ({ ...(c[way] ?? c.built), ...(c.built.state ? { state: c.built.state } : {}) }));
    // Drawn by domain, two states may read alike: each drawing once.
    const [chosen, ...others] = drawn.filter((v, i) => drawn.findIndex((w) => w.text === v.text) === i);
    planned.set(
      viewKey('container', undefined),
      others.length > 0 ? { ...chosen!, states: others } : { ...chosen!, ...(chosen!.state === 'current' ? { state: undefined } : {}) },
    );
  }
  const both = [report, fenced.report].filter((r) => r !== undefined);
  const sum = (field: 'rendered' | 'drawnInNode' | 'transplanted' | 'cached') => both.reduce((n, r) => n + r[field], 0);
  return {
    mode: 'svg',
    ...counts,
    rendered: sum('rendered'),
    drawnInNode: sum('drawnInNode'),
    transplanted: sum('transplanted'),
    cached: sum('cached'),
    diagnostics: fenced.diagnostics,
  };
}

/**
 * The system's containers view both ways (whole, and by domain) in each state the site shows
 * it in (see diagrams/views.ts, `buildStateView`), with the view as it was built.
 */
function containerStates(
  model: Model,
  built: DiagramView,
  base: string,
): { built: DiagramView; whole?: DiagramView | undefined; domains?: DiagramView | undefined }[] {
  const models = stateModels(model);
  return [built, ...(built.states ?? [])].map((view) => ({
    built: view,
    ...containerViews(models[view.state ?? 'current'], viewOptions(base)),
  }));
}
