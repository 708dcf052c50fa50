import { readFileSync } from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Page } from 'playwright-core';
import { LAYOUT_FRONT_MATTER } from '../../diagrams/flowchart.ts';
import { ChromiumPages } from './chromium-pages.ts';
import { DIAGRAM_FONT_FAMILY, DIAGRAM_FONT_FILES } from './drawn/diagram-font.ts';
import { mayDrawInNode } from './drawn/drawable.ts';
import { labelLinks } from './link-labels.ts';
import { naturalSize } from './natural-size.ts';
import { mermaidScript } from './mermaid-script.ts';
import { mermaidConfig, svgId, type SvgStore, type Theme } from './svg-store.ts';
import { learnTransplant, themeSignature } from './theme-transplant.ts';

/** Diagrams handed to a page at once: big enough to amortise the round trip, small enough to keep memory flat. */
const BATCH = 100;
/**
 * Batches a page renders before it is replaced by a fresh one. (A page's memory stayed
 * flat over the 5,000 diagrams of a thousand services; starting a page costs a second.)
 */
const RECYCLE = 30;
/**
 * Diagrams that make another rendering page worth starting. A page costs about two seconds
 * to start, and its first diagrams draw slowly while V8 learns mermaid's code; and a page
 * keeps more than one core busy (measured on two cores: 1.3, its main thread and V8's
 * compiler and garbage collector beside it). So on two cores, the example's 63 diagrams took
 * 12 s on one page and 15 s on two; 600 diagrams took as long either way; 1,426 took 12%
 * less on two.
 */
const DIAGRAMS_PER_PAGE = 600;

/** How many pages render side by side: one per 600 diagrams, and no more than there are cores. */
export function renderingPages(diagrams: number, cores = os.availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.ceil(diagrams / DIAGRAMS_PER_PAGE)));
}

export interface RenderReport {
  /** How many diagram texts were rendered now (each in both themes). */
  readonly rendered: number;
  /** Of the ones rendered now, how many were drawn in Node, without mermaid (see drawn/draw.ts). */
  readonly drawnInNode: number;
  /** How many came from the cache. */
  readonly cached: number;
  /** Of the ones rendered now, how many had their dark SVG derived from their light one. */
  readonly transplanted: number;
  /** Mermaid's error for each text that failed to render. */
  readonly errors: ReadonlyMap<string, string>;
}

export type Outcome = { svg: string; id: string } | { error: string };
type Job = { texts: string[]; theme: Theme };

/**
 * Renders every diagram that is not cached yet, in both themes. The small flowcharts
 * archsite writes are drawn in Node (see drawn/draw.ts); the others in one headless
 * Chromium for the whole build, side by side with Node's drawing (see `renderInBrowser`).
 */
export async function renderDiagrams(
  texts: readonly string[],
  chromium: string | ChromiumPages,
  store: SvgStore,
  {
    transplant: derive = true,
    signal,
    rest = false,
  }: {
    /** False renders every dark SVG too (to check the transplant against). */
    transplant?: boolean;
    /** Aborted, stops after the diagrams being drawn (a failed build): the report says what was done. */
    signal?: AbortSignal | undefined;
    /**
     * Closes Chromium once this drawing's share in it is drawn, if no other drawing holds a page
     * (see ChromiumPages.rest): for a build's last drawing, whose share in Node may go on for a
     * while (what Node then cannot draw starts Chromium again).
     */
    rest?: boolean;
  } = {},
): Promise<RenderReport> {
  const unique = [...new Set(texts)];
  const stale = store.missing(unique);
  const errors = new Map<string, string>();
  let transplanted = 0;
  let drawnInNode = 0;
  const inNode = stale.filter(mayDrawInNode);
  const inBrowser = stale.filter((text) => !mayDrawInNode(text));
  // A browser of its own, unless the build shares one between its drawings.
  const pages = typeof chromium === 'string' ? diagramBrowser(chromium) : chromium;
  try {
    // Chromium's pages draw their share in processes of their own while Node draws its share here.
    const browser =
      inBrowser.length > 0
        ? renderInBrowser(inBrowser, pages, store, derive, errors, signal).then(async (count) => {
            if (rest) await pages.rest();
            return count;
          })
        : Promise.resolve(0);
    // Awaited below, once Node's share is drawn: a failure is reported there, not as unhandled meanwhile.
    browser.catch(() => undefined);
    const left = await drawAllInNode(inNode, store, signal);
    transplanted = await browser;
    // What Node could not draw after all (a character the bundled font lacks) is drawn by mermaid.
    if (left.length > 0 && !signal?.aborted) transplanted += await renderInBrowser(left, pages, store, derive, errors);
    drawnInNode = inNode.length - left.length;
  } finally {
    if (pages !== chromium) await pages.close();
  }
  return {
    rendered: stale.length - errors.size,
    drawnInNode,
    cached: unique.length - stale.length,
    transplanted,
    errors,
  };
}

/**
 * The Chromium a build's drawings share (see chromium-pages.ts), each page with mermaid
 * loaded; started only when a drawing needs it. Whoever makes it closes it.
 */
export function diagramBrowser(executablePath: string): ChromiumPages {
  return new ChromiumPages(executablePath, (page) => mermaidPage(page));
}

/** Diagrams drawn in Node between two turns of the event loop: a dev server answering meanwhile waits no longer than this takes. */
const NODE_CHUNK = 20;
/**
 * Diagrams that make a worker thread worth starting (it costs a few tenths of a second to
 * load the drawing code): fewer are drawn in the build's own thread, between its other work.
 */
const DIAGRAMS_PER_WORKER = 400;

/**
 * How many worker threads draw in Node: one per 400 diagrams, up to the cores left beside
 * Chromium's rendering and the build's own thread (at least one); none for a few diagrams.
 */
export function drawingWorkers(diagrams: number, cores = os.availableParallelism()): number {
  if (diagrams < DIAGRAMS_PER_WORKER / 4) return 0;
  return Math.max(1, Math.min(cores - 1, Math.ceil(diagrams / DIAGRAMS_PER_WORKER)));
}

/** Diagrams a worker thread is handed at a time: the queue is shared out as they draw, so that they all end together. */
const WORKER_CHUNK = 25;

/**
 * Draws the diagrams in Node and keeps both themes of each; returns those it could not draw.
 * Many are drawn in worker threads, so that the build's own thread bundles the pages
 * meanwhile, each taking the next few from one queue as it is done with the last. A few are
 * drawn in this thread alone, a chunk at a time.
 *
 * The build's own thread does not take a share once its bundle is done: side by side at
 * N=1,000 (3 pairs), it drew no sooner, and its heap grew by 400 MB of what drawing leaves
 * behind, the build's peak memory then (2,210 MiB against 1,939 MiB without).
 */
async function drawAllInNode(texts: readonly string[], store: SvgStore, signal?: AbortSignal): Promise<string[]> {
  const workers = drawingWorkers(texts.length);
  if (workers === 0) return drawHere(texts, store, signal);
  let next = 0;
  const take = (count: number) => {
    const chunk = signal?.aborted ? [] : texts.slice(next, next + count);
    next += chunk.length;
    return chunk;
  };
  return (await Promise.all(Array.from({ length: workers }, () => drawInWorker(take, store, signal)))).flat();
}

async function drawHere(texts: readonly string[], store: SvgStore, signal?: AbortSignal): Promise<string[]> {
  if (texts.length === 0) return [];
  // Loaded when there is something to draw: dagre and the font's shaper are a quarter of a second of loading.
  const draw = (await import('./drawn/draw.ts')).nodeDrawer();
  const left: string[] = [];
  for (const [index, text] of texts.entries()) {
    if (index > 0 && index % NODE_CHUNK === 0) await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) break;
    const drawn = draw(text);
    if (drawn) store.storeBoth(text, drawn);
    else left.push(text);
  }
  return left;
}

/**
 * A worker thread (see drawn/draw-worker.ts) drawing chunks of the queue (`take`) until it is
 * empty; answers what it could not draw. Stopped when `signal` is aborted.
 */
function drawInWorker(take: (count: number) => string[], store: SvgStore, signal?: AbortSignal): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./drawn/draw-worker.ts', import.meta.url), { workerData: { dir: store.dir } });
    const stop = () => void worker.terminate();
    signal?.addEventListener('abort', stop, { once: true });
    const left: string[] = [];
    let done = false;
    const hand = () => {
      const chunk = take(WORKER_CHUNK);
      done = chunk.length === 0;
      worker.postMessage(done ? null : chunk);
    };
    worker.on('message', (message: string[]) => {
      left.push(...message);
      hand();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      signal?.removeEventListener('abort', stop);
      if (done) resolve(left);
      else if (signal?.aborted) resolve([]);
      else reject(new Error(`a thread drawing diagrams stopped without an answer (exit code ${code})`));
    });
    hand();
  });
}

/**
 * Renders the diagrams with mermaid in one headless Chromium: a few pages, each loading
 * mermaid once, render batches in turn. Each diagram is rendered in the light theme; its
 * dark SVG is derived from the light one where a transplant learnt from a diagram of the
 * same theme signature holds (see theme-transplant.ts), and rendered otherwise. mermaid
 * runs with `securityLevel: 'strict'`. Returns how many dark SVGs were derived; mermaid's
 * error for a text is set in `errors`.
 */
async function renderInBrowser(
  missing: readonly string[],
  chromium: ChromiumPages,
  store: SvgStore,
  derive: boolean,
  errors: Map<string, string>,
  signal?: AbortSignal,
): Promise<number> {
  // Diagrams that share a theme signature share a transplant, learnt from the largest of them.
  const groups = new Map<string, string[]>();
  const twice: string[] = [];
  for (const text of missing) {
    const signature = themeSignature(text);
    if (signature === undefined || !derive) twice.push(text);
    else {
      const group = groups.get(signature);
      if (group) group.push(text);
      else groups.set(signature, [text]);
    }
  }
  const models = [...groups.values()].map((group) => group.reduce((a, b) => (b.length > a.length ? b : a)));
  const modelSet = new Set(models);

  const light = new Map<string, string>();
  const dark = new Map<string, string>();
  const pool = new RenderPool(chromium, renderingPages(missing.length + models.length + twice.length), signal);
  const run = (jobs: Job[]) =>
    pool.run(jobs, (text, theme, outcome) => {
      if ('error' in outcome) return void errors.set(text, outcome.error);
      const svg = labelLinks(naturalSize(stableIds(outcome.svg, outcome.id, svgId(text, theme))));
      store.store(text, theme, svg);
      // Kept only for the diagrams a transplant is learnt from: the others are read back when needed.
      if (theme === 'dark') dark.set(text, svg);
      else if (modelSet.has(text)) light.set(text, svg);
    });
  await run([...batches(missing, 'light'), ...batches([...models, ...twice], 'dark')]);

  const again: string[] = [];
  let transplanted = 0;
  for (const [index, group] of [...groups.values()].entries()) {
    const model = models[index]!;
    const transplant =
      light.has(model) && dark.has(model)
        ? learnTransplant(light.get(model)!, svgId(model, 'light'), dark.get(model)!, svgId(model, 'dark'))
        : undefined;
    for (const text of group) {
      if (text === model || errors.has(text)) continue;
      const svg = transplant && store.svg(text, 'light');
      const derived = svg ? transplant.apply(svg, svgId(text, 'light'), svgId(text, 'dark')) : undefined;
      if (derived === undefined) again.push(text);
      else {
        store.store(text, 'dark', derived);
        transplanted++;
      }
    }
  }
  if (again.length > 0) await run(batches(again, 'dark'));
  return transplanted;
}

/**
 * Batches of one theme, diagrams of one layout together (the layout is set per batch):
 * those ELK lays out first, the slowest to draw, so that no page is left drawing one
 * alone at the end while the others wait.
 */
function batches(texts: readonly string[], theme: Theme): Job[] {
  const rank = (text: string) => {
    const layout = layoutOf(text);
    return `${layout === 'elk' ? 0 : 1}${layout ?? ''}`;
  };
  const sorted = [...texts].sort((a, b) => rank(a).localeCompare(rank(b)));
  const jobs: Job[] = [];
  for (let start = 0; start < sorted.length; start += BATCH) jobs.push({ texts: sorted.slice(start, start + BATCH), theme });
  return jobs;
}

/** The layout a diagram's front matter asks for, when it is the front matter archsite writes. */
function layoutOf(text: string): string | undefined {
  return LAYOUT_FRONT_MATTER.exec(text)?.[1];
}

/**
 * A diagram as a page renders it. A generated view's layout front matter is given to
 * mermaid as configuration instead: the same drawing, without mermaid merging its whole
 * configuration again for every diagram.
 */
export function pageDiagram(text: string): PageDiagram {
  const layout = layoutOf(text);
  return layout === undefined ? { text } : { text: text.replace(LAYOUT_FRONT_MATTER, ''), layout };
}

/**
 * A few pages with mermaid loaded, rendering batches side by side: taken from the build's
 * Chromium (see chromium-pages.ts) as a run starts, and given back as it ends.
 */
class RenderPool {
  readonly #pages: ChromiumPages;
  readonly #size: number;
  readonly #signal: AbortSignal | undefined;

  constructor(pages: ChromiumPages, size: number, signal?: AbortSignal) {
    this.#pages = pages;
    this.#size = size;
    this.#signal = signal;
  }

  /** Renders the jobs, calling `done` with each diagram's outcome as its batch comes back. */
  async run(jobs: readonly Job[], done: (text: string, theme: Theme, outcome: Outcome) => void): Promise<void> {
    let next = 0;
    const worker = async () => {
      let page = await this.#pages.take(this.#size);
      try {
        while (next < jobs.length && !this.#signal?.aborted) {
          // A page that has rendered thousands of diagrams holds on to memory: a fresh one now and then.
          page = await this.#pages.counted(page, RECYCLE);
          const { texts, theme } = jobs[next++]!;
          const diagrams = texts.map(pageDiagram);
          const outcomes = await page.evaluate(renderInPage, { diagrams, config: mermaidConfig(theme), prefix: `archsite-${theme}` });
          texts.forEach((text, index) => done(text, theme, outcomes[index]!));
        }
      } finally {
        this.#pages.give(page);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.#size, jobs.length) }, worker));
  }
}

/** The address the rendering page is loaded from: answered by the page's own route, never by a network. */
const PAGE_URL = 'http://archsite.invalid/';

/**
 * Makes `page` a page that renders diagrams: mermaid loaded, by default the build's bundle
 * (see mermaid-script.ts). The page and its script are loaded as a document from an address
 * the page answers itself: Chromium reads the 5 MB script as it arrives, which took 1.9 s a
 * page where handing it over as a script tag's content took 3.3 s.
 */
export async function mermaidPage(page: Page, source = mermaidScript().source): Promise<Page> {
  await page.route(`${PAGE_URL}**`, (route) => {
    const pathname = new URL(route.request().url()).pathname;
    const font = FONT_ROUTES.get(pathname);
    if (font) return route.fulfill({ body: readFileSync(font), contentType: 'font/woff2' });
    return pathname === '/mermaid.js'
      ? route.fulfill({ body: source, contentType: 'text/javascript; charset=utf-8' })
      : route.fulfill({
          body: `<!doctype html><html><head><meta charset="utf-8"><style>${FONT_FACES}</style><script src="/mermaid.js"></script></head><body></body></html>`,
          contentType: 'text/html; charset=utf-8',
        });
  });
  await page.goto(PAGE_URL);
  // mermaid measures every label as it draws: the bundled font must be there before the first.
  await page.evaluate(
    (family) => Promise.all([document.fonts.load(`400 16px ${family}`), document.fonts.load(`700 16px ${family}`)]),
    DIAGRAM_FONT_FAMILY,
  );
  return page;
}

/** The bundled font's files, as the rendering page asks for them. */
const FONT_ROUTES = new Map(Object.entries(DIAGRAM_FONT_FILES).map(([weight, file]) => [`/fonts/${weight}.woff2`, file]));
const FONT_FACES = Object.keys(DIAGRAM_FONT_FILES)
  .map((weight) => `@font-face{font-family:"${DIAGRAM_FONT_FAMILY}";font-weight:${weight};src:url(/fonts/${weight}.woff2) format("woff2")}`)
  .join('');

/** A diagram as a page renders it: its text, and the layout its front matter asked for, given to mermaid as configuration. */
export interface PageDiagram {
  text: string;
  layout?: string;
}

/**
 * Runs in the page: renders the diagrams one after another (mermaid is not re-entrant).
 * Some diagram types draw random ids (gitGraph's commits, for one): `Math.random` starts
 * from the same seed for every diagram, so a diagram is drawn the same in every build
 * and whichever batch it falls in.
 */
export async function renderInPage({
  diagrams,
  config,
  prefix,
}: {
  diagrams: PageDiagram[];
  config: object;
  prefix: string;
}): Promise<Outcome[]> {
  // Runs in the browser page, where the mermaid script defined `window.mermaid`.
  const mermaid = (
    window as unknown as { mermaid: { initialize(c: object): void; render(id: string, text: string): Promise<{ svg: string }> } }
  ).mermaid;
  let layout: string | undefined | null = null;
  const outcomes: Outcome[] = [];
  for (let i = 0; i < diagrams.length; i++) {
    const diagram = diagrams[i]!;
    if (diagram.layout !== layout) {
      layout = diagram.layout;
      mermaid.initialize({ startOnLoad: false, ...config, ...(layout ? { layout } : {}) });
    }
    // mulberry32, seeded afresh for each diagram.
    let seed = 0x2f6b_4a1d;
    Math.random = () => {
      seed = (seed + 0x6d2b_79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
    const id = `${prefix}-${i}`;
    try {
      const { svg } = await mermaid.render(id, diagram.text);
      outcomes.push({ svg, id });
    } catch (error) {
      outcomes.push({ error: error instanceof Error ? error.message : String(error) });
      // A failed render can leave its element behind.
      document.getElementById(id)?.remove();
      document.getElementById(`d${id}`)?.remove();
    }
  }
  return outcomes;
}

/** Replaces the renderer's id (`archsite-light-7`) with one derived from the diagram, so cached SVGs never clash on a page. */
function stableIds(svg: string, id: string, stable: string): string {
  return stableCounters(svg.replace(new RegExp(`${id.replace(/[-]/g, '\\-')}(?![0-9])`, 'g'), stable));
}

/**
 * mermaid numbers a sequence diagram's participants (`actor6`, `root-6`, an actor's figure
 * `actor-man-torso6`) from a counter that runs across every diagram a page renders: the
 * same diagram would come out with other numbers after another one. They are numbered
 * afresh within each SVG, in order of appearance.
 */
export function stableCounters(svg: string): string {
  const numbers = new Map<string, number>();
  return svg.replace(
    /\b(id|href)="(#?)(actor|root-|actor-man-[a-z]+)(\d+)"/g,
    (_, attribute: string, hash: string, prefix: string, n: string) => {
      if (!numbers.has(n)) numbers.set(n, numbers.size);
      return `${attribute}="${hash}${prefix}${numbers.get(n)}"`;
    },
  );
}
