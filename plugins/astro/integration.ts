import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostics, formatSummary } from '../model/format.ts';
import { addPolicyMeta, contentSecurityPolicy } from './csp.ts';
import { sourceRoute } from './diagrams/figure.ts';
import { prerenderDiagrams } from './diagrams/prerender.ts';
import { releaseMemory } from './release-memory.ts';
import { buildSearchIndex, type SearchViews } from './search-index.ts';
import { remarkDiagramImport } from './remark-diagram-import.ts';
import { remarkArchsiteLinks } from './remark-links.ts';
import { remarkMermaid } from './remark-mermaid.ts';
import { contentDir, invalidateSiteModel, loadSiteModel } from './site-model.ts';
import { activePageCache, openPageCache, PageCache } from './page-cache/page-cache.ts';
import { starlightOptions } from './starlight-options.ts';

export interface ArchsiteOptions {
  /** The site's base path, as given to Astro. @default "/" */
  readonly base?: string;
}

/**
 * The archsite Astro integration: checks the content before anything is built, renders
 * every diagram in one browser, renders Markdown with links rewritten to the site, and sets
 * Starlight up as the shell from the model (title, sidebar, edit links).
 */
export default function archsite(options: ArchsiteOptions = {}): AstroIntegration[] {
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const result = loadSiteModel();
  const shell = starlightOptions(result.model);
  const guard: AstroIntegration = {
    name: 'archsite',
    hooks: {
      'astro:config:setup': async ({ logger, command, updateConfig, config, addMiddleware }) => {
        process.env.ARCHSITE_CACHE_DIR ||= fileURLToPath(new URL('node_modules/.cache/archsite/diagrams/', config.root));
        updateConfig({
          // Several pages at once: while one waits on its file being written, another renders.
          // (The page cache records each page's reads in its own asynchronous context.)
          build: { concurrency: Number(process.env.ARCHSITE_PAGE_CONCURRENCY) || 4 },
          // mermaid, for browsers drawing diagrams themselves, is one big lazy chunk by design.
          vite: {
            build: {
              chunkSizeWarningLimit: 4096,
              rolldownOptions: {
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
              remarkPlugins: [[remarkArchsiteLinks, { model: () => loadSiteModel().model, base }], remarkMermaid, remarkDiagramImport],
            }),
          },
        });
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        if (errors.length > 0) {
          const report = `${formatDiagnostics(result.diagnostics, 'text')}\n${formatSummary(result.diagnostics, result.stats)}`;
          if (command !== 'dev') {
            // Stop before Astro writes anything: a failed check must leave dist/ untouched.
            logger.error(`the content in ${contentDir()} has errors; nothing was built.\n${report}`);
            process.exit(1);
          }
          logger.error(`the content has errors; fix them and the pages follow:\n${report}`);
        }
        if (result.model && command !== 'sync' && command !== 'preview') {
          const ok = await prerender(logger, base);
          if (!ok && command !== 'dev') process.exit(1);
          if (command === 'build') releaseMemory();
        }
        // Incremental page output (ARCHSITE_PAGE_CACHE=0 turns it off): every page records
        // what it reads, and the next build keeps the pages whose reads did not change.
        if (result.model && command === 'build' && process.env.ARCHSITE_PAGE_CACHE !== '0') {
          const root = fileURLToPath(config.root);
          openPageCache(new PageCache(path.join(process.env.ARCHSITE_CACHE_DIR!, 'pages'), root, result.model, base, shell));
          addMiddleware({ entrypoint: new URL('./page-cache/middleware.ts', import.meta.url), order: 'pre' });
        }
      },
      // The policy the site works under, next to it, for the server (or a proxy) to send.
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        // First of the build:done hooks: the pages kept from the last build are put in place
        // before anything (pagefind, the policy) reads the output.
        const cache = activePageCache();
        cache?.placeKept(out);
        searchViews = await cache?.searchViews(out);
        const pages = await cache?.close();
        if (pages) process.stdout.write(`archsite: ${pages.rendered} pages rendered and ${pages.reused} unchanged since the last build\n`);
        const policy = contentSecurityPolicy(out, cache?.scriptHashes(out));
        // Before pagefind indexes the site next to this process.
        releaseMemory();
        mkdirSync(path.join(out, '_archsite'), { recursive: true });
        writeFileSync(path.join(out, '_archsite', 'content-security-policy.txt'), `${policy}\n`);
        // Sources too long to put under their figures, which link here instead.
        for (const text of longSources) {
          const file = path.join(out, sourceRoute(text));
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, text);
        }
        // Hosts that cannot send headers (GitHub Pages) can carry the policy in every page.
        if (process.env.ARCHSITE_CSP_META === '1') addPolicyMeta(out, policy);
      },
      // In dev, an edit to any content file re-reads the model, redraws what changed, and reloads the page.
      'astro:server:setup': ({ server, logger }) => {
        const dir = contentDir();
        server.watcher.add(dir);
        const onChange = async (file: string) => {
          if (!file.startsWith(dir)) return;
          invalidateSiteModel();
          const next = loadSiteModel();
          if (next.diagnostics.length > 0)
            logger.warn(`${formatDiagnostics(next.diagnostics, 'text')}\n${formatSummary(next.diagnostics, next.stats)}`);
          else logger.info(formatSummary(next.diagnostics, next.stats));
          if (next.model) await prerender(logger, base);
          server.ws.send({ type: 'full-reload' });
        };
        server.watcher.on('change', onChange);
        server.watcher.on('add', onChange);
        server.watcher.on('unlink', onChange);
      },
    },
  };
  const shellIntegration = starlight(shell);
  // Starlight indexes the built site with pagefind; archsite makes the same index from the
  // search views the page cache kept, a fifth of the pages' bytes (see search-view.ts).
  const indexSite = shellIntegration.hooks['astro:build:done'];
  shellIntegration.hooks['astro:build:done'] = async (options) => {
    const views = searchViews;
    searchViews = undefined;
    if (!views || !shell.pagefind) return indexSite?.(options);
    await buildSearchIndex(fileURLToPath(options.dir), views, options.logger.fork('starlight:pagefind'));
  };
  return [guard, shellIntegration];
}

/** The pages' search views, from the page cache to the search index, in this build. */
let searchViews: SearchViews | undefined;
/** Diagram sources too long to inline, from the diagram pre-render to the output, in this build. */
let longSources: readonly string[] = [];

/** Renders every diagram before the pages; false when a mermaid fence in the content does not render. */
async function prerender(logger: AstroIntegrationLogger, base: string): Promise<boolean> {
  const model = loadSiteModel().model!;
  const started = performance.now();
  const outcome = await prerenderDiagrams(model, base);
  process.env.ARCHSITE_DIAGRAMS = outcome.mode;
  longSources = outcome.longSources;
  for (const view of outcome.reduced) logger.warn(`the diagram "${view.title}" is too large to draw whole: ${view.reduced.split(':')[0]}`);
  const total = outcome.views + outcome.fences;
  if (outcome.mode === 'client') {
    logger.warn(
      `no Chrome or Chromium found (set ARCHSITE_CHROMIUM to one): ${total} diagrams will be drawn in the reader's browser instead of at build time`,
    );
    return true;
  }
  // Printed whatever Astro's log level: how long diagrams take is what people tune.
  process.stdout.write(
    `archsite: ${total} diagrams, ${outcome.rendered} rendered (${outcome.transplanted} dark ones derived from light) and ${outcome.cached} from cache, in ${Math.round(performance.now() - started)} ms\n`,
  );
  if (outcome.diagnostics.length === 0) return true;
  logger.error(`${formatDiagnostics(outcome.diagnostics, 'text')}\n${formatSummary(outcome.diagnostics, loadSiteModel().stats)}`);
  return false;
}
