import { createMermaidRenderer } from 'mermaid-isomorphic';
import { chromium, type BrowserType } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium.ts';
import { cachedSvg, diagramHash, mermaidConfig, storeSvg, type Theme } from './svg-store.ts';

/** Diagrams rendered per browser page: big enough to amortise, small enough to keep memory flat. */
const BATCH = 40;

export interface RenderReport {
  /** How many diagram texts were rendered now (each in both themes). */
  readonly rendered: number;
  /** How many came from the cache. */
  readonly cached: number;
  /** Mermaid's error for each text that failed to render. */
  readonly errors: ReadonlyMap<string, string>;
}

/**
 * Renders every diagram that is not cached yet, in one headless Chromium for the whole
 * build, in batches, light and dark side by side. mermaid runs with `securityLevel: 'strict'`:
 * no script, no HTML from labels beyond what mermaid allows, links only as `href`.
 */
export async function renderDiagrams(texts: readonly string[], executablePath: string): Promise<RenderReport> {
  const unique = [...new Set(texts)];
  const missing = unique.filter((t) => cachedSvg(t, 'light') === undefined || cachedSvg(t, 'dark') === undefined);
  const errors = new Map<string, string>();
  if (missing.length === 0) return { rendered: 0, cached: unique.length, errors };
  const renderer = createMermaidRenderer({
    browserType: chromium as unknown as BrowserType,
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  });
  const themes: Theme[] = ['light', 'dark'];
  const jobs: { batch: string[]; theme: Theme }[] = [];
  for (let start = 0; start < missing.length; start += BATCH) {
    for (const theme of themes) jobs.push({ batch: missing.slice(start, start + BATCH), theme });
  }
  // Two jobs in flight (one per core). The renderer keeps its browser open while any call
  // is running, so overlapping the jobs keeps one warm browser for the whole build.
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const { batch, theme } = jobs[next++]!;
      const results = await renderer(batch, {
        prefix: `archsite-${theme}`,
        mermaidConfig: mermaidConfig(theme),
      });
      batch.forEach((text, index) => {
        const result = results[index]!;
        if (result.status === 'rejected') errors.set(text, errorMessage(result.reason));
        else
          storeSvg(
            text,
            theme,
            naturalSize(stableIds(result.value.svg, result.value.id, `d${diagramHash(text).slice(0, 12)}-${theme[0]}`)),
          );
      });
    }
  };
  await Promise.all([worker(), worker()]);
  return { rendered: missing.length - errors.size, cached: unique.length - missing.length, errors };
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

function errorMessage(reason: unknown): string {
  const message =
    typeof reason === 'object' && reason !== null && 'message' in reason
      ? String((reason as { message: unknown }).message)
      : String(reason);
  return message.replace(/\s+/g, ' ').trim();
}
