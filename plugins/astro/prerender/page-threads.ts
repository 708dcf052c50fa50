import type { AstroIntegrationLogger, AstroPrerenderer } from 'astro';
import { currentBuild } from 'archsite/build-state';
import os from 'node:os';
import type { IntegrationState } from '../integration/state.ts';
import { PageThreadPool, type ThreadAnswer } from './page-thread-pool.ts';
import { siteDigest } from './site-digest.ts';
import type { ThreadHead } from './thread-protocol.ts';

/** Below this many pages, a thread's start (reading the content, loading the pages' code) costs more than it saves. */
const MIN_PAGES = 200;
/** Roughly the pages worth one more thread. */
const PAGES_PER_THREAD = 400;
/**
 * How many pages a thread has in hand, as a multiple of the pages rendering at once in the
 * build's own thread: measured at 1,000 services on 2 cores, one thread kept 12 pages ahead
 * rendered them in 25 s, against 32 s kept 4 ahead and 36 s without it.
 */
export const THREAD_DEPTH = 3;

/**
 * How many threads render pages beside the build's own, for a site of about `pages` pages:
 * none for a small site, then one per 400 pages or so, up to one less than the cores.
 */
export function pageThreadCount(pages: number, cores = os.availableParallelism()): number {
  if (pages < MIN_PAGES) return 0;
  return Math.max(0, Math.min(cores - 1, Math.max(1, Math.round(pages / PAGES_PER_THREAD))));
}

/** The structural part of Astro's build app (the prerender bundle's `app` export) read here. */
interface EntryApp {
  setInternals(internals: unknown): void;
  getOptions(): { settings: { scripts: readonly unknown[] } };
}
interface BuildInternals {
  readonly pagesByKeys: ReadonlyMap<string, { readonly styles: readonly unknown[] }>;
  readonly entrySpecifierToBundleMap: ReadonlyMap<string, string>;
}

/**
 * Starts a build's page threads (see `threadedPrerenderer`), where it has any: they read the
 * content while Astro bundles the pages.
 */
export function startPageThreads(state: IntegrationState, logger: AstroIntegrationLogger): PageThreadPool | undefined {
  if (state.pageThreads === 0) return undefined;
  let said = false;
  return new PageThreadPool(
    state.pageThreads,
    { settings: state.settings, cwd: state.result.cwd, checkStore: state.checkStore },
    {
      refused: (reason) => {
        if (said) return;
        said = true;
        state.say(logger, `pages render in the build's own thread only: a page thread stopped (${reason})`);
      },
      log: (level, message) => logger[level](message),
    },
  );
}

/**
 * Astro's prerenderer, with two changes (set in `astro:build:start`):
 *
 * - a page the page cache keeps from the last build is answered here with no body, before
 *   Astro's rendering (route, context, middleware) is set up for it, and Astro writes no file
 *   for it: the page cache links the kept file in place once the build is done;
 * - pages render in worker threads (page-thread.ts) beside the build's own thread: Astro
 *   renders pages in one thread, and a build of a large site is mostly that. Each thread reads
 *   the content again, renders a page only where its site's digest is the build's, and
 *   hands back the page's bytes with what it read (and what the page cache keeps beside it); the
 *   build's own thread stores them as they came, as any other page (see the middleware).
 *
 * Pages go to the thread with the fewest in hand, up to `THREAD_DEPTH` times what the build's
 * own thread renders at once; past that, the build's own thread renders them. Where threads
 * cannot start, or refuse, every page renders in the build's own thread as without them.
 */
export function threadedPrerenderer(state: IntegrationState, fallback: AstroPrerenderer, logger: AstroIntegrationLogger): AstroPrerenderer {
  const pool = state.threads;
  let head: ThreadHead | undefined;
  let ownRendered = 0;
  let threaded = 0;
  let going = false;

  /** Once the pages can render (the diagrams drawn, the page cache open): what the threads render with. */
  const go = () => {
    going = true;
    const site = state.site;
    if (!pool || !head || !site || !state.prerenderEntry) return;
    try {
      pool.go({
        type: 'go',
        entry: state.prerenderEntry,
        views: site.diagrams.views,
        mode: site.diagrams.mode,
        known: { git: site.git, history: site.history },
        digest: siteDigest(site),
        recording: state.pages !== undefined,
        head,
      });
    } catch (error) {
      state.say(logger, `pages render in the build's own thread only: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const renderOwn = async (request: Request, options: Parameters<AstroPrerenderer['render']>[1]) => {
    ownRendered++;
    // A page renders without giving the event loop a turn: the threads' answers (and their next pages) first.
    if (pool) await new Promise((resolve) => setImmediate(resolve));
    return fallback.render(request, options);
  };

  return {
    name: 'archsite:page-threads',
    async setup() {
      if (!pool || !state.prerenderEntry) return fallback.setup?.();
      // Astro hands the build's internals to the bundle's app only: what a thread's app needs of them is read as it does.
      const { app } = (await import(state.prerenderEntry)) as { app: EntryApp };
      let internals: BuildInternals | undefined;
      const setInternals = app.setInternals;
      app.setInternals = function (value: unknown) {
        internals = value as BuildInternals;
        return setInternals.call(this, value);
      };
      try {
        await fallback.setup?.();
      } finally {
        delete (app as Partial<EntryApp>).setInternals;
      }
      if (internals)
        head = {
          styles: new Map([...internals.pagesByKeys].map(([key, data]) => [key, data.styles])),
          bundles: new Map(internals.entrySpecifierToBundleMap),
          scripts: app.getOptions().settings.scripts,
        };
    },
    getStaticPaths: () => fallback.getStaticPaths(),
    async render(request, options) {
      // The first page waits for the diagrams and the page cache (see config-setup.ts).
      await currentBuild().ready?.();
      if (!going) go();
      state.clock?.reach('pages');
      const route = new URL(request.url).pathname;
      // No body: Astro writes no file, and the page cache links the kept one in place once the build is done.
      if (state.pages?.reuse(route)) return new Response(null, { status: 200 });
      const thread = options.collectMetadata ? undefined : pool?.pick(THREAD_DEPTH * state.settings.pageConcurrency);
      const answer: ThreadAnswer = thread ? await thread.render(request.url, options.routeData) : 'elsewhere';
      if (answer === 'elsewhere') return renderOwn(request, options);
      threaded++;
      // Stored, the page is linked into the output once the build is done (see the middleware): Astro writes no file.
      const stored =
        answer.reads &&
        state.pages &&
        answer.body &&
        state.pages.keepRendered(route, new Set(answer.reads), new Uint8Array(answer.body), answer.parts);
      return new Response(stored ? null : answer.body, {
        status: answer.status,
        statusText: answer.statusText,
        headers: answer.headers.map(([name, value]): [string, string] => [name, value]),
      });
    },
    async teardown() {
      if (pool) {
        await pool.stop();
        state.threads = undefined;
        if (threaded > 0)
          state.say(
            logger,
            `${threaded} pages rendered in ${state.pageThreads === 1 ? 'a page thread' : `${state.pageThreads} page threads`}, ${ownRendered} in the build's own`,
          );
      }
      await fallback.teardown?.();
    },
  };
}
