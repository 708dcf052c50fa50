import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegrationLogger, HookParameters } from 'astro';
import { publishBuild } from 'archsite/build-state';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatDiagnostics, formatSummary } from '../../model/format.ts';
import { HELP_ROUTE, REFERENCE_PAGES } from '../../model/routes.ts';
import { ContentError } from '../content-error.ts';
import { serveMermaidClient } from '../diagrams/mermaid-client.ts';
import { PageCache } from '../page-cache/page-cache.ts';
import { startPageThreads, THREAD_DEPTH } from '../prerender/page-threads.ts';
import { releaseMemory } from '../release-memory.ts';
import { remarkDiagramImport } from '../remark-diagram-import.ts';
import { remarkArchsiteLinks } from '../remark-links.ts';
import { remarkMermaid } from '../remark-mermaid.ts';
import { devServerOptions } from './dev-server.ts';
import type { IntegrationState, RenderWhen } from './state.ts';

/** The modules of ours that the pages' bundle must share with the integration (see build-state.mjs). */
const SHARED = ['archsite'];

type SetupParameters = HookParameters<'astro:config:setup'>;

/**
 * `astro:config:setup`: stops a build whose content has errors before Astro writes anything;
 * sets Astro up (routes, Vite, Markdown, middleware); renders the diagrams and publishes the
 * site to the pages; opens the page cache.
 */
export async function setupConfig(state: IntegrationState, params: SetupParameters): Promise<void> {
  const { logger, command, updateConfig, addMiddleware } = params;
  injectPages(state, params);
  updateConfig({
    // Several pages at once: while one waits on its file being written, another renders; and
    // those each page thread has in hand (see prerender/page-threads.ts). Each page records
    // its reads in its own view of the site.
    build: { concurrency: state.settings.pageConcurrency * (1 + THREAD_DEPTH * state.pageThreads) },
    vite: viteConfig(state, fileURLToPath(params.config.root), command),
    markdown: {
      processor: unified({
        remarkPlugins: [
          [remarkArchsiteLinks, { model: () => state.site?.model, base: state.settings.base }],
          [remarkMermaid, { site: () => state.site }],
          remarkDiagramImport,
        ],
      }),
    },
  });
  addMiddleware({ entrypoint: new URL('../middleware.ts', import.meta.url), order: 'pre' });
  refuseErrors(state, logger, command);
  const model = state.result.model;
  if (!model) return;
  const when: RenderWhen = command === 'sync' || command === 'preview' ? 'never' : command === 'dev' ? 'background' : 'now';
  const problem = await state.prepare(logger, model, when);
  // Next, Astro bundles the pages' code; the first page rendered marks the next phase.
  state.clock?.start('bundle');
  if (problem) logger.error(problem);
  if (problem && command !== 'dev')
    throw new ContentError(
      'archsite: a mermaid diagram in the content does not render; nothing was built.',
      'Fix the diagram at the line given: mermaid says what it could not read.',
    );
  if (command === 'build') {
    state.threads = startPageThreads(state, logger);
    await awaitDiagramsBeforePages(state, fileURLToPath(params.config.root));
  }
}

/**
 * A build's diagrams are drawn while Astro reads the content and bundles the pages (see
 * IntegrationState.prepare): the first page waits for them, then opens the page cache.
 */
async function awaitDiagramsBeforePages(state: IntegrationState, root: string): Promise<void> {
  let ready: Promise<void> | undefined;
  const site = state.site!;
  await publishBuild({
    site,
    clock: state.clock,
    ready: () =>
      (ready ??= (async () => {
        await state.diagramsDrawn();
        await openPageCache(state, root);
      })()),
  });
}

/** archsite's own reference only when asked for; the authoring help unless turned off. */
function injectPages(state: IntegrationState, { injectRoute }: SetupParameters): void {
  if (state.settings.reference)
    for (const page of REFERENCE_PAGES)
      injectRoute({
        pattern: page.route,
        entrypoint: new URL(`../../../src/reference/${page.file}.astro`, import.meta.url),
        prerender: true,
      });
  if (state.settings.help)
    injectRoute({ pattern: HELP_ROUTE, entrypoint: new URL('../../../src/reference/help.astro', import.meta.url), prerender: true });
}

/**
 * Content with errors: a build stops before Astro writes anything (a failed check must leave
 * dist/ untouched); the dev server says so and serves what it can.
 */
function refuseErrors(state: IntegrationState, logger: AstroIntegrationLogger, command: SetupParameters['command']): void {
  const { diagnostics, stats } = state.result;
  if (!diagnostics.some((d) => d.severity === 'error')) return;
  const report = `${formatDiagnostics(diagnostics, 'text')}\n${formatSummary(diagnostics, stats)}`;
  const dir = state.settings.contentDir;
  if (command === 'dev') return logger.error(`the content has errors; fix them and the pages follow:\n${report}`);
  logger.error(`the content in ${dir} has errors; nothing was built.\n${report}`);
  throw new ContentError(
    `archsite: the content in ${dir} has errors; nothing was built.`,
    'Fix the errors listed (each names its file, line and column), or run `npm run check` to see them alone.',
  );
}

/**
 * Incremental page output (ARCHSITE_PAGE_CACHE=0 turns it off): every page records what it
 * reads, and the next build keeps the pages whose reads did not change.
 */
async function openPageCache(state: IntegrationState, root: string): Promise<void> {
  releaseMemory();
  const site = state.site!;
  if (state.settings.pageCache) state.pages = new PageCache(root, site, state.settings, state.shell);
  await publishBuild({ site, pages: state.pages, clock: state.clock });
}

function viteConfig(
  state: IntegrationState,
  root: string,
  command: SetupParameters['command'],
): NonNullable<SetupParameters['config']['vite']> {
  const dev = command === 'dev' ? devServerOptions(root, state.settings.contentDir) : undefined;
  return {
    ...(dev ? { server: dev.server } : {}),
    plugins: [
      {
        // Where Astro writes the pages' bundle: page threads load it (see prerender/page-threads.ts).
        name: 'archsite:prerender-entry',
        writeBundle(options, bundle) {
          if (this.environment.name !== 'prerender' || !options.dir) return;
          for (const chunk of Object.values(bundle))
            if (chunk.type === 'chunk' && chunk.isEntry && chunk.fileName.startsWith('prerender-entry'))
              state.prerenderEntry = pathToFileURL(path.join(options.dir, chunk.fileName)).href;
        },
      },
      {
        // In dev, mermaid for the browser to draw diagrams in where no Chromium renders them, served
        // as a build publishes it: added here, so that it comes before Astro's pages.
        name: 'archsite:mermaid-client',
        configureServer(server) {
          // The diagrams are rendered once the server has answered its first request: Vite
          // compiles the pages' code for it, which Chromium rendering beside it slowed by a third.
          server.middlewares.use((_request, response, next) => {
            response.once('finish', state.answered);
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
    environments: Object.fromEntries(
      ['ssr', 'astro', 'prerender'].map((name) => [name, { resolve: { external: SHARED }, ...(name === 'ssr' ? dev?.ssr : {}) }]),
    ),
    build: {
      // mermaid, for browsers drawing diagrams themselves, is one big lazy chunk by design.
      chunkSizeWarningLimit: 4096,
      rolldownOptions: {
        external: [/^archsite\//],
        // Astro marks MDX modules that import components with a directive the bundler
        // warns about on every build; the warning is Astro's own and harmless.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  };
}
