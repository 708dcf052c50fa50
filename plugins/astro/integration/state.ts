import type { AstroIntegrationLogger } from 'astro';
import { publishBuild } from 'archsite/build-state';
import type { DiagramView } from '../../diagrams/index.ts';
import { formatDiagnostics, formatSummary } from '../../model/format.ts';
import type { Diagnostic } from '../../model/diagnostics.ts';
import type { LoadOptions, LoadResult } from '../../model/load.ts';
import type { Model } from '../../model/model.ts';
import type { DiagramMode, Site } from '../../pages/site.ts';
import { findChromium } from '../diagrams/chromium.ts';
import type { ChromiumPages } from '../diagrams/chromium-pages.ts';
import { prerenderDiagrams, prerenderFences, siteDiagramViews, type PrerenderResult, type RenderedFences } from '../diagrams/prerender.ts';
import { diagramBrowser } from '../diagrams/render.ts';
import { SvgStore, type RenderedDiagram } from '../diagrams/svg-store.ts';
import type { PageCache } from '../page-cache/page-cache.ts';
import type { PageThreadPool } from '../prerender/page-thread-pool.ts';
import { pageThreadCount } from '../prerender/page-threads.ts';
import type { PhaseClock } from '../phase-clock.ts';
import type { SearchViews } from '../search-index.ts';
import type { Settings } from '../settings.ts';
import { createSite } from '../site.ts';
import type { StarlightUserConfig } from '@astrojs/starlight/types';

/** How the diagrams of a content are rendered: before the site (a build), after it (dev), or not at all (sync, preview). */
export type RenderWhen = 'now' | 'background' | 'never';

/** The check's options other than the content folder and the day (`check --min-completeness`, the git repository archsite runs in). */
export type Recheck = Pick<LoadOptions, 'minCompleteness' | 'gitTop'>;

/** Where archsite's summary lines go (diagrams rendered, pages kept): what people tune, so the CLI prints them at any log level. */
export type Report = (line: string) => void;

/**
 * What the integration's hooks share over one build, or over a dev server's life: the
 * content, the site built from it, and what one hook hands the next.
 */
export class IntegrationState {
  readonly settings: Settings;
  readonly clock: PhaseClock | undefined;
  readonly store: SvgStore;
  /** Starlight's options, from the content as first checked. */
  readonly shell: StarlightUserConfig;
  readonly report: Report | undefined;
  /** The checked content: as handed in, then as the dev server reads it again after each edit. */
  result: LoadResult;
  /** The site of this build (or of the dev server's latest content). */
  site: Site | undefined;
  /** The page cache of this build, from the config hook to the output. */
  pages: PageCache | undefined;
  /** The pages' search views, from the page cache to the search index, in this build. */
  searchViews: SearchViews | undefined;
  /** How many threads render pages beside the build's own (see prerender/page-threads.ts). */
  readonly pageThreads: number;
  /** In a build, its page threads, from the config hook (they read the content meanwhile) to the last page. */
  threads: PageThreadPool | undefined;
  /** How the content was checked (besides its folder and day): the dev server checks it the same way after each edit. */
  readonly recheck: Recheck;
  /** Where the check keeps what it read: page threads read the content through it. */
  readonly checkStore: { readonly file: string; readonly key: string } | undefined;
  /** The prerender bundle's entry (a file URL), once Astro wrote it: what page threads load. */
  prerenderEntry: string | undefined;
  /** Diagram sources too long to inline, from the diagram pre-render to the output, in this build. */
  longSources: readonly string[] = [];
  /** In dev, the renderings of the diagrams, one after another: the first waits for the server to answer, each edit's for the one before. */
  #rendering: Promise<void>;
  /** In dev, called when the server has answered its first request. */
  readonly answered: () => void;
  /** In dev, settled once the server has answered its first request. */
  readonly served: Promise<void>;
  /** Counts the dev server's contents: a rendering for content edited since is skipped, or its outcome dropped. */
  #generation = 0;
  /** In a build, the generated views being drawn while Astro reads the content and bundles the pages (see `diagramsDrawn`). */
  #drawing: Promise<unknown> | undefined;
  /** In dev, what draws in Node a diagram a page asks for first (see site.ts): one for every site the server publishes. */
  #draw: ((text: string) => RenderedDiagram | undefined) | undefined;

  constructor(options: {
    settings: Settings;
    checked: LoadResult;
    clock?: PhaseClock | undefined;
    shell: StarlightUserConfig;
    report?: Report | undefined;
    checkStore?: { readonly file: string; readonly key: string } | undefined;
    recheck?: Recheck | undefined;
  }) {
    this.checkStore = options.checkStore;
    this.recheck = options.recheck ?? {};
    this.settings = options.settings;
    this.result = options.checked;
    this.clock = options.clock;
    this.shell = options.shell;
    this.report = options.report;
    this.store = new SvgStore(options.settings.cacheDir);
    this.pageThreads = options.settings.pageThreads ?? pageThreadCount(options.checked.model?.elements.length ?? 0);
    let answered: () => void = () => {};
    this.served = new Promise<void>((resolve) => (answered = resolve));
    this.#rendering = this.served;
    this.answered = answered;
  }

  /** Says a summary line: to the report when there is one, else to Astro's log. */
  say(logger: AstroIntegrationLogger, line: string): void {
    if (this.report) this.report(`archsite: ${line}`);
    else logger.info(line);
  }

  /**
   * Renders the diagrams and publishes the site; returns an error where a mermaid fence in
   * the content does not render. `now` (a build) renders the fences, publishes the site, and
   * draws the generated views while Astro reads the content and bundles the pages: the
   * first page waits for them (`diagramsDrawn`). `background` (dev) publishes the site at
   * once, its figures drawn by the reader's browser until their SVGs are ready, and publishes
   * it again, static, when they are: the first page does not wait for hundreds of diagrams,
   * nor a page after an edit for Chromium to start. `never` (sync, preview) renders nothing.
   */
  async prepare(logger: AstroIntegrationLogger, model: Model, when: RenderWhen): Promise<string | undefined> {
    const views = siteDiagramViews(model, this.settings.base);
    if (when === 'never') return void (await this.#publish(model, views, 'client'));
    const chromium = findChromium(this.settings.chromium);
    if (when === 'background' && chromium) {
      await this.#publish(model, views, 'background');
      this.#renderLater(logger, model, views, ++this.#generation);
      return undefined;
    }
    if (when === 'now' && chromium) {
      // Markdown is rendered as Astro reads the content, with its fences' SVGs: the site waits for those alone.
      this.clock?.start('diagrams');
      // One Chromium for both, started once: the fences take its first page, the views what they give back.
      const browser = diagramBrowser(chromium);
      const fencing = prerenderFences(model, browser, this.store);
      const stop = new AbortController();
      const drawing = this.#render(logger, model, views, { fencing, signal: stop.signal, browser });
      const closed = Promise.allSettled([fencing, drawing]).then(() => browser.close());
      // A fence that does not render (or a browser that fails) stops the build here: the views'
      // drawing too, its browser closed before the error is said.
      const halt = async () => {
        stop.abort();
        await closed;
      };
      const fenced = await fencing.catch(async (error: unknown) => {
        await halt();
        throw error;
      });
      if (fenced.diagnostics.length > 0) {
        await halt();
        return this.#problem(fenced.diagnostics);
      }
      // The views are read from the first page on, once drawn (and the browser closed): the site holds `views`, which the drawing completes.
      const drawn = drawing.finally(() => closed);
      // Awaited before the first page: a failure is reported there, not as unhandled meanwhile.
      drawn.catch(() => undefined);
      this.#drawing = drawn;
      await this.#publish(model, views, 'svg');
      return undefined;
    }
    const { mode, problem } = await this.#render(logger, model, views);
    await this.#publish(model, views, mode);
    return problem;
  }

  /**
   * In a build, before the first page: waits for the generated views drawn beside Astro's
   * bundling (see `prepare`). The time it still waits is the build's `diagrams` phase.
   */
  async diagramsDrawn(): Promise<void> {
    const drawing = this.#drawing;
    if (!drawing) return;
    this.#drawing = undefined;
    this.clock?.start('diagrams');
    await drawing;
  }

  /** Queues a dev rendering; once done, publishes the same site with its diagrams static, unless content was edited meanwhile. */
  #renderLater(logger: AstroIntegrationLogger, model: Model, views: Map<string, DiagramView | null>, mine: number): void {
    this.#rendering = this.#rendering.then(async () => {
      if (mine !== this.#generation) return;
      try {
        const { mode, problem } = await this.#render(logger, model, views);
        if (problem) logger.error(problem);
        const site = this.site;
        if (mine === this.#generation && site)
          await publishBuild({
            site: Object.freeze({ ...site, diagrams: Object.freeze({ ...site.diagrams, mode }) }),
            pages: this.pages,
            clock: this.clock,
          });
      } catch (error) {
        logger.error(`the diagrams could not be rendered: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }

  /** Builds the site and publishes it to the pages. */
  async #publish(model: Model, views: Map<string, DiagramView | null>, mode: DiagramMode): Promise<void> {
    // Drawing in Node loads dagre and the font's shaper: only the dev server's pages draw, while the diagrams render behind them.
    const draw = mode === 'background' ? (this.#draw ??= (await import('../diagrams/drawn/draw.ts')).nodeDrawer()) : undefined;
    this.site = createSite({ settings: this.settings, checked: { ...this.result, model }, views, mode, store: this.store, draw });
    await publishBuild({ site: this.site, pages: this.pages, clock: this.clock });
  }

  /**
   * Renders every diagram of `views` and the content's fences (not cached yet; the fences
   * unless `fencing` renders them already) and says how it went; an error where a mermaid
   * fence in the content does not render.
   */
  async #render(
    logger: AstroIntegrationLogger,
    model: Model,
    views: Map<string, DiagramView | null>,
    { fencing, signal, browser }: { fencing?: Promise<RenderedFences>; signal?: AbortSignal; browser?: ChromiumPages } = {},
  ) {
    const started = performance.now();
    const chromium = findChromium(this.settings.chromium);
    // Where no build is waiting on the fences (dev, a build without Chromium): the fences, then the views, in one browser.
    const pages = browser ?? (chromium ? diagramBrowser(chromium) : undefined);
    let outcome: PrerenderResult;
    try {
      const fences = fencing ?? Promise.resolve(await prerenderFences(model, pages, this.store));
      outcome = await prerenderDiagrams(model, views, pages, this.store, this.settings.base, fences, signal);
    } finally {
      if (pages !== browser) await pages?.close();
    }
    // A failed build: nothing to say of a drawing stopped half-way.
    if (signal?.aborted) return { mode: outcome.mode, problem: undefined };
    this.longSources = outcome.longSources;
    for (const view of outcome.reduced)
      logger.warn(`the diagram "${view.title}" is too large to draw whole: ${view.reduced.split(':')[0]}`);
    const total = outcome.views + outcome.fences;
    if (outcome.mode === 'client')
      logger.warn(
        `no Chrome or Chromium found (set ARCHSITE_CHROMIUM to one): ${total} diagrams will be drawn in the reader's browser instead of at build time`,
      );
    else
      this.say(
        logger,
        `${total} diagrams, ${outcome.rendered} rendered (${outcome.drawnInNode} drawn without a browser, ${outcome.transplanted} dark ones derived from light) and ${outcome.cached} from cache, in ${Math.round(performance.now() - started)} ms`,
      );
    return { mode: outcome.mode, problem: outcome.diagnostics.length > 0 ? this.#problem(outcome.diagnostics) : undefined };
  }

  /** The report of mermaid fences that do not render. */
  #problem(diagnostics: readonly Diagnostic[]): string {
    return `${formatDiagnostics(diagnostics, 'text')}\n${formatSummary(diagnostics, this.result.stats)}`;
  }
}
