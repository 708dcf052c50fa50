import { createRequire } from 'node:module';
import os from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium.ts';
import { diagramHash, isCached, mermaidConfig, storeSvg, type Theme } from './svg-store.ts';

/** Diagrams handed to a page at once: big enough to amortise the round trip, small enough to keep memory flat. */
const BATCH = 100;
/** Batches a page renders before it is replaced by a fresh one. */
const RECYCLE = 8;
/** Pages rendering side by side: one per core (rendering is CPU-bound; more pages only wait). */
const PAGES = Math.max(1, os.availableParallelism());
const MERMAID = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

export interface RenderReport {
  /** How many diagram texts were rendered now (each in both themes). */
  readonly rendered: number;
  /** How many came from the cache. */
  readonly cached: number;
  /** Mermaid's error for each text that failed to render. */
  readonly errors: ReadonlyMap<string, string>;
}

type Outcome = { svg: string; id: string } | { error: string };

/**
 * Renders every diagram that is not cached yet, in one headless Chromium for the whole
 * build: a few pages, each loading mermaid once, render batches in turn, light and dark.
 * mermaid runs with `securityLevel: 'strict'`.
 */
export async function renderDiagrams(texts: readonly string[], executablePath: string): Promise<RenderReport> {
  const unique = [...new Set(texts)];
  const missing = unique.filter((t) => !isCached(t, 'light') || !isCached(t, 'dark'));
  const errors = new Map<string, string>();
  if (missing.length === 0) return { rendered: 0, cached: unique.length, errors };
  const jobs: { batch: string[]; theme: Theme }[] = [];
  for (let start = 0; start < missing.length; start += BATCH) {
    for (const theme of ['light', 'dark'] as const) jobs.push({ batch: missing.slice(start, start + BATCH), theme });
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    let next = 0;
    const worker = async () => {
      let page = await mermaidPage(await browser.newPage());
      let done = 0;
      while (next < jobs.length) {
        // A page that has rendered thousands of diagrams holds on to memory: start a fresh one now and then.
        if (++done % RECYCLE === 0) {
          await page.close();
          page = await mermaidPage(await browser.newPage());
        }
        const { batch, theme } = jobs[next++]!;
        const outcomes = await page.evaluate(renderInPage, { diagrams: batch, config: mermaidConfig(theme), prefix: `archsite-${theme}` });
        batch.forEach((text, index) => {
          const outcome = outcomes[index]!;
          if ('error' in outcome) errors.set(text, outcome.error);
          else storeSvg(text, theme, naturalSize(stableIds(outcome.svg, outcome.id, `d${diagramHash(text).slice(0, 12)}-${theme[0]}`)));
        });
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: Math.min(PAGES, jobs.length) }, worker));
  } finally {
    await browser.close();
  }
  return { rendered: missing.length - errors.size, cached: unique.length - missing.length, errors };
}

async function mermaidPage(page: Page): Promise<Page> {
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ path: MERMAID });
  return page;
}

/** Runs in the page: renders the diagrams one after another (mermaid is not re-entrant). */
async function renderInPage({ diagrams, config, prefix }: { diagrams: string[]; config: object; prefix: string }): Promise<Outcome[]> {
  const mermaid = (
    globalThis as unknown as { mermaid: { initialize(c: object): void; render(id: string, text: string): Promise<{ svg: string }> } }
  ).mermaid;
  mermaid.initialize({ startOnLoad: false, ...config });
  const outcomes: Outcome[] = [];
  for (let i = 0; i < diagrams.length; i++) {
    const id = `${prefix}-${i}`;
    try {
      const { svg } = await mermaid.render(id, diagrams[i]!);
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
  return svg.replace(new RegExp(`${id.replace(/[-]/g, '\\-')}(?![0-9])`, 'g'), stable);
}

/** Wider than this, a diagram fitted to the page column would be too small to read. */
const MAX_FITTED_WIDTH = 1100;

/**
 * mermaid fits every diagram to the column (`width="100%"`, its natural width as max-width).
 * A large one is instead shown at its own size, and the page scrolls it sideways.
 */
function naturalSize(svg: string): string {
  const natural = Number(/style="max-width: ([\d.]+)px;?"/.exec(svg)?.[1]);
  if (!natural || natural <= MAX_FITTED_WIDTH) return svg;
  return svg.replace(/^<svg([^>]*?) width="100%"/, `<svg$1 width="${Math.ceil(natural)}"`);
}
