import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { publishBuild } from 'archsite/build-state';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostics, formatSummary } from '../model/format.ts';
import { loadModel, type LoadResult } from '../model/load.ts';
import type { Model } from '../model/model.ts';
import type { DiagramView } from '../diagrams/index.ts';
import { HELP_ROUTE, REFERENCE_PAGES } from '../model/routes.ts';
import type { DiagramMode, Site } from '../pages/site.ts';
import { ContentError } from './content-error.ts';
import { addPolicyMeta, contentSecurityPolicy } from './csp.ts';
import { findChromium } from './diagrams/chromium.ts';
import { sourceRoute } from './diagrams/figure.ts';
import { publishMermaidClient, serveMermaidClient } from './diagrams/mermaid-client.ts';
import { prerenderDiagrams, siteDiagramViews } from './diagrams/prerender.ts';
import { noSitemap } from './no-sitemap.ts';
import { SvgStore } from './diagrams/svg-store.ts';
import { PageCache } from './page-cache/page-cache.ts';
import { releaseMemory } from './release-memory.ts';
import { remarkDiagramImport } from './remark-diagram-import.ts';
import { remarkArchsiteLinks } from './remark-links.ts';
import { remarkMermaid } from './remark-mermaid.ts';
import { installSearchEntry } from './search-entry.ts';
import { buildSearchIndex, type SearchViews } from './search-index.ts';
import type { PhaseClock } from './phase-clock.ts';
import type { Settings } from './settings.ts';
import { createSite } from './site.ts';
import { starlightOptions } from './starlight-options.ts';

export interface ArchsiteOptions {
  readonly settings: Settings;
  /** The checked content (see archsiteConfig, which checks it): not read a second time. */
  readonly checked: LoadResult;
  /** Where the build's time goes (`build --timings`): the integration marks its phases on it. */
  readonly clock?: PhaseClock | undefined;
}

/** The modules of ours that the pages' bundle must share with the integration (see build-state.mjs). */
const SHARED = ['archsite'];

/**
 * The archsite Astro integration: checks the content before anything is built, builds the
 * one `site` of the build (model, git dates, diagrams; see pages/site.ts) and hands it to
 * the pages, renders every diagram in one browser, renders Markdown with links rewritten
 * to the site, and sets Starlight up as the shell from the model (title, sidebar, edit links).
 */
export default function archsite({ settings, checked, clock }: ArchsiteOptions): AstroIntegration[] {
  const { base } = settings;
  let result = checked;
  const shell = starlightOptions(result.model, settings);
  const store = new SvgStore(settings.cacheDir);
  /** The site of this build (or of the dev server's latest content). */
  let site: Site | undefined;
  /** The pages' search views, from the page cache to the search index, in this build. */
  let searchViews: SearchViews | undefined;
  /** Diagram sources too long to inline, from the diagram pre-render to the output, in this build. */
  let longSources: readonly string[] = [];
  let pages: PageCache | undefined;

  /** In dev, when the server has answered its first request: the diagrams are rendered after, not beside, its start. */
  let answered: () => void = () => {};
  /** In dev, the renderings of the diagrams, one after another: the first waits for the server, each edit's for the one before. */
  let rendering = new Promise<void>((resolve) => (answered = resolve));
  /** Counts the dev server's contents: a rendering for content edited since is skipped, or its outcome dropped. */
  let generation = 0;

  /** Renders every diagram of `views` (not cached yet) and says how it went; an error where a mermaid fence in the content does not render. */
  const renderViews = async (logger: AstroIntegrationLogger, model: Model, views: Map<string, DiagramView | null>) => {
    const started = performance.now();
    clock?.start('diagrams');
    const outcome = await prerenderDiagrams(model, views, findChromium(settings.chromium), store, base);
    longSources = outcome.longSources;
    for (const view of outcome.reduced)
      logger.warn(`the diagram "${view.title}" is too large to draw whole: ${view.reduced.split(':')[0]}`);
    const total = outcome.views + outcome.fences;
    if (outcome.mode === 'client')
      logger.warn(
        `no Chrome or Chromium found (set ARCHSITE_CHROMIUM to one): ${total} diagrams will be drawn in the reader's browser instead of at build time`,
      );
    // Printed whatever Astro's log level: how long diagrams take is what people tune.
    else
      process.stdout.write(
        `archsite: ${total} diagrams, ${outcome.rendered} rendered (${outcome.transplanted} dark ones derived from light) and ${outcome.cached} from cache, in ${Math.round(performance.now() - started)} ms\n`,
      );
    const problem =
      outcome.diagnostics.length > 0
        ? `${formatDiagnostics(outcome.diagnostics, 'text')}\n${formatSummary(outcome.diagnostics, result.stats)}`
        : undefined;
    return { mode: outcome.mode, problem };
  };

  /** Builds the site and publishes it to the pages. In dev, what follows the site (the prose of Markdown elements) is brought up to date before the page reloads. */
  const publish = async (model: Model, views: Map<string, DiagramView | null>, mode: DiagramMode) => {
    site = createSite({ settings, checked: { ...result, model }, views, mode, store });
    await publishBuild({ site, pages, clock });
  };

  /**
   * Renders the diagrams and publishes the site; returns an error where a mermaid fence in
   * the content does not render. `now` (a build) renders every diagram before the site is
   * published. `background` (dev) publishes the site at once, its figures drawn by the
   * reader's browser until their SVGs are ready, and publishes it again, static, when they
   * are: the first page does not wait for hundreds of diagrams, nor a page after an edit for
   * Chromium to start. `never` (sync, preview) renders nothing.
   */
  const prepare = async (
    logger: AstroIntegrationLogger,
    model: Model,
    render: 'now' | 'background' | 'never',
  ): Promise<string | undefined> => {
    const views = siteDiagramViews(model, base);
    if (render === 'never') return void (await publish(model, views, 'client'));
    if (render === 'background' && findChromium(settings.chromium)) {
      const mine = ++generation;
      await publish(model, views, 'background');
      rendering = rendering.then(async () => {
        if (mine !== generation) return;
        try {
          const { mode, problem } = await renderViews(logger, model, views);
          if (problem) logger.error(problem);
          // The same site, its diagrams now static (unless content was edited meanwhile: its own rendering follows).
          if (mine === generation && site)
            await publishBuild({ site: Object.freeze({ ...site, diagrams: Object.freeze({ ...site.diagrams, mode }) }), pages, clock });
        } catch (error) {
          logger.error(`the diagrams could not be rendered: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
      return undefined;
    }
    const { mode, problem } = await renderViews(logger, model, views);
    await publish(model, views, mode);
    return problem;
  };

  const guard: AstroIntegration = {
    name: 'archsite',
    hooks: {
      'astro:config:setup': async ({ logger, command, updateConfig, config, addMiddleware, injectRoute }) => {
        // archsite's own reference only when asked for; the authoring help unless turned off.
        if (settings.reference)
          for (const page of REFERENCE_PAGES)
            injectRoute({
              pattern: page.route,
              entrypoint: new URL(`../../src/reference/${page.file}.astro`, import.meta.url),
              prerender: true,
            });
        if (settings.help)
          injectRoute({ pattern: HELP_ROUTE, entrypoint: new URL('../../src/reference/help.astro', import.meta.url), prerender: true });
        updateConfig({
          // Several pages at once: while one waits on its file being written, another renders.
          // (Each page records its reads in its own view of the site.)
          build: { concurrency: settings.pageConcurrency },
          vite: {
            plugins: [
              {
                // In dev, mermaid for the browser to draw diagrams in where no Chromium renders them, served
                // as a build publishes it: added here, so that it comes before Astro's pages.
                name: 'archsite:mermaid-client',
                configureServer(server) {
                  // The diagrams are rendered once the server has answered its first request: Vite
                  // compiles the pages' code for it, which Chromium rendering beside it slowed by a third.
                  server.middlewares.use((_request, response, next) => {
                    response.once('finish', answered);
                    next();
                  });
                  server.middlewares.use((request, response, next) => {
                    // Vite has taken the base off the address by now.
                    if (!serveMermaidClient(new URL(request.url ?? '/', 'http://dev').pathname, response)) next();
                  });
                },
              },
            ],
            // One copy of the hand-off module for the integration and the pages (see build-state.mjs).
            ssr: { external: SHARED },
            environments: Object.fromEntries(['ssr', 'astro', 'prerender'].map((name) => [name, { resolve: { external: SHARED } }])),
            build: {
              // mermaid, for browsers drawing diagrams themselves, is one big lazy chunk by design.
              chunkSizeWarningLimit: 4096,
              rolldownOptions: {
                external: [/^archsite\//],
                // Astro marks MDX modules that import components with a directive the bundler
                // warns about on every build; the warning is Astro's own and harmless.
                onwarn(warning: { code?: string }, warn: (warning: { code?: string }) => void) {
                  if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
                },
              },
            },
          },
          markdown: {
            processor: unified({
              remarkPlugins: [
                [remarkArchsiteLinks, { model: () => site?.model, base }],
                [remarkMermaid, { site: () => site }],
                remarkDiagramImport,
              ],
            }),
          },
        });
        addMiddleware({ entrypoint: new URL('./middleware.ts', import.meta.url), order: 'pre' });
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        if (errors.length > 0) {
          const report = `${formatDiagnostics(result.diagnostics, 'text')}\n${formatSummary(result.diagnostics, result.stats)}`;
          // Stop before Astro writes anything: a failed check must leave dist/ untouched.
          if (command !== 'dev') {
            logger.error(`the content in ${settings.contentDir} has errors; nothing was built.\n${report}`);
            throw new ContentError(
              `archsite: the content in ${settings.contentDir} has errors; nothing was built.`,
              'Fix the errors listed (each names its file, line and column), or run `npm run check` to see them alone.',
            );
          }
          logger.error(`the content has errors; fix them and the pages follow:\n${report}`);
        }
        if (!result.model) return;
        // Incremental page output (ARCHSITE_PAGE_CACHE=0 turns it off): every page records
        // what it reads, and the next build keeps the pages whose reads did not change.
        const render = command === 'sync' || command === 'preview' ? 'never' : command === 'dev' ? 'background' : 'now';
        const problem = await prepare(logger, result.model, render);
        // Next, Astro bundles the pages' code; the first page rendered marks the next phase.
        clock?.start('bundle');
        if (problem) logger.error(problem);
        if (problem && command !== 'dev')
          throw new ContentError(
            'archsite: a mermaid diagram in the content does not render; nothing was built.',
            'Fix the diagram at the line given: mermaid says what it could not read.',
          );
        if (command === 'build') {
          releaseMemory();
          if (settings.pageCache) {
            pages = new PageCache(fileURLToPath(config.root), site!, settings, shell);
            await publishBuild({ site: site!, pages, clock });
          }
        }
      },
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        clock?.start('output');
        // First of the build:done hooks: the pages kept from the last build are put in place
        // before anything (pagefind, the policy) reads the output.
        const cache = pages;
        pages = undefined;
        cache?.placeKept(out);
        searchViews = await cache?.searchViews(out);
        const counts = await cache?.close();
        if (counts)
          process.stdout.write(`archsite: ${counts.rendered} pages rendered and ${counts.reused} unchanged since the last build\n`);
        // The policy the site works under, next to it, for the server (or a proxy) to send.
        const policy = contentSecurityPolicy(out, cache?.scriptHashes(out));
        // Before pagefind indexes the site next to this process.
        releaseMemory();
        mkdirSync(path.join(out, '_archsite'), { recursive: true });
        writeFileSync(path.join(out, '_archsite', 'content-security-policy.txt'), `${policy}\n`);
        // mermaid, for readers' browsers, where they draw the diagrams themselves.
        if (site?.diagrams.mode === 'client') publishMermaidClient(out);
        // Sources too long to put under their figures, which link here instead.
        for (const text of longSources) {
          const file = path.join(out, sourceRoute(text));
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, text);
        }
        // Hosts that cannot send headers (GitHub Pages) can carry the policy in every page.
        if (settings.cspMeta) addPolicyMeta(out, policy);
      },
      // In dev, an edit to any content file re-reads the model, redraws what changed, and reloads the page.
      'astro:server:setup': ({ server, logger }) => {
        const dir = settings.contentDir;
        server.watcher.add(dir);
        const onChange = async (file: string) => {
          if (!file.startsWith(dir)) return;
          result = await loadModel({ contentDir: dir });
          if (result.diagnostics.length > 0)
            logger.warn(`${formatDiagnostics(result.diagnostics, 'text')}\n${formatSummary(result.diagnostics, result.stats)}`);
          else logger.info(formatSummary(result.diagnostics, result.stats));
          if (result.model) {
            const problem = await prepare(logger, result.model, 'background');
            if (problem) logger.error(problem);
          }
          server.ws.send({ type: 'full-reload' });
        };
        server.watcher.on('change', onChange);
        server.watcher.on('add', onChange);
        server.watcher.on('unlink', onChange);
      },
    },
  };
  const shellIntegration = starlight(shell);
  // Starlight indexes the built site with pagefind; archsite indexes the pages' search views
  // (see search-view.ts): those the page cache kept, or made from the pages without it.
  const indexSite = shellIntegration.hooks['astro:build:done'];
  shellIntegration.hooks['astro:build:done'] = async (options) => {
    const views = searchViews;
    searchViews = undefined;
    if (!shell.pagefind) return indexSite?.(options);
    const out = fileURLToPath(options.dir);
    clock?.start('search index');
    await buildSearchIndex(
      out,
      views ?? { files: new Map(), scratch: mkdtempSync(path.join(tmpdir(), 'archsite-search-')) },
      options.logger.fork('starlight:pagefind'),
    );
    installSearchEntry(out);
    clock?.start('output');
  };
  return settings.site ? [guard, shellIntegration] : [guard, noSitemap(), shellIntegration];
}
