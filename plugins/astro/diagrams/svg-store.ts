import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { filesUnder } from '../files-under.ts';
import { DIAGRAM_FONT_FILES, DIAGRAM_FONT_STACK } from './drawn/diagram-font.ts';

export type Theme = 'light' | 'dark';

/** Bump when the way SVGs are produced changes in a way that changes their ids. (The cache follows the drawing code by itself: see `DRAWING`.) */
const RENDER_VERSION = '12';
const MERMAID_VERSION = (createRequire(import.meta.url)('mermaid/package.json') as { version: string }).version;

/**
 * What draws an SVG besides its text and mermaid's version: the drawing code (this folder:
 * Chromium's rendering, the Node drawing, the dark theme's transplant), the font its labels are
 * measured in, and dagre's version. A cached SVG drawn by other code is not reused, whichever
 * code changed: a build then gives what a build with nothing cached gives.
 */
const DRAWING = drawingVersion();

function drawingVersion(): string {
  const h = createHash('sha256');
  const here = import.meta.dirname;
  for (const file of filesUnder(here)) h.update(`${path.relative(here, file)}\0`).update(readFileSync(file));
  for (const font of Object.values(DIAGRAM_FONT_FILES)) h.update(readFileSync(font));
  h.update((createRequire(import.meta.url)('dagre-d3-es/package.json') as { version: string }).version);
  return h.digest('hex');
}

/** A rendered diagram: both themes. */
export interface RenderedDiagram {
  readonly light: string;
  readonly dark: string;
}

/**
 * How mermaid draws, for both themes. `strict` keeps labels from running script or HTML
 * beyond mermaid's own; the fixed seed makes sketchy shapes the same in every build.
 */
export function mermaidConfig(theme: Theme) {
  return {
    securityLevel: 'strict',
    theme: theme === 'dark' ? 'dark' : 'default',
    handDrawnSeed: 1,
    // The bundled font (see drawn/text-metrics.ts): labels measured here are as wide in every reader's browser.
    fontFamily: DIAGRAM_FONT_STACK,
    flowchart: { wrappingWidth: 240, nodeSpacing: 40, rankSpacing: 50 },
    // The dark theme draws edge labels light grey on mid grey (4.4:1): on a darker grey they pass WCAG AA (7.9:1).
    ...(theme === 'dark' ? { themeVariables: { edgeLabelBackground: '#333333' } } : {}),
  } as const;
}

/** The cache key of a diagram: its text, mermaid's version, the configuration and the theme. */
export function diagramHash(text: string, theme: Theme | 'both' = 'both'): string {
  const config = theme === 'both' ? '' : JSON.stringify(mermaidConfig(theme));
  return createHash('sha256').update(`${RENDER_VERSION}\0${MERMAID_VERSION}\0${theme}\0${config}\0${text}`).digest('hex');
}

/** The id of a diagram's SVG in a theme: derived from the diagram, so cached SVGs never clash on a page. */
export function svgId(text: string, theme: Theme): string {
  return `d${diagramHash(text).slice(0, 12)}-${theme[0]}`;
}

/** The start of a diagram's SVG in a page, whatever the diagram: `<svg id="…"` with an id from `svgId`. */
export const DIAGRAM_SVG_START = /<svg id="d[0-9a-f]{12}-[ld]"/;

/**
 * Rendered SVGs kept between builds, in one folder (the settings' cache folder). Each SVG
 * is read from disk when asked for, never held: a large site has thousands of them, and
 * the operating system keeps the files it just wrote at hand.
 */
export class SvgStore {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  #file(text: string, theme: Theme): string {
    return path.join(this.dir, this.#name(text, theme));
  }

  #name(text: string, theme: Theme): string {
    const key = createHash('sha256')
      .update(`${DRAWING}\0${diagramHash(text, theme)}`)
      .digest('hex');
    return `${key}.svg`;
  }

  /** The cached SVG of a diagram in a theme. */
  svg(text: string, theme: Theme): string | undefined {
    try {
      return readFileSync(this.#file(text, theme), 'utf8');
    } catch {
      return undefined;
    }
  }

  /**
   * The diagrams not cached in both themes, from one listing of the folder: a large site asks
   * for thousands (14,212 lookups at 1,000 services, 0.19 s in a profile of a rebuild).
   */
  missing(texts: readonly string[]): string[] {
    let names: Set<string>;
    try {
      names = new Set(readdirSync(this.dir));
    } catch {
      return [...texts];
    }
    return texts.filter((text) => !names.has(this.#name(text, 'light')) || !names.has(this.#name(text, 'dark')));
  }

  /** Both themes of a diagram, when both are cached. */
  diagram(text: string): RenderedDiagram | undefined {
    const light = this.svg(text, 'light');
    const dark = light === undefined ? undefined : this.svg(text, 'dark');
    return light !== undefined && dark !== undefined ? { light, dark } : undefined;
  }

  /** Keeps a diagram drawn in both themes. */
  storeBoth(text: string, drawn: RenderedDiagram): void {
    this.store(text, 'light', drawn.light);
    this.store(text, 'dark', drawn.dark);
  }

  /** Keeps an SVG on disk (written whole, then renamed, so a crash leaves no half file). */
  store(text: string, theme: Theme, svg: string): void {
    const file = this.#file(text, theme);
    mkdirSync(this.dir, { recursive: true });
    // Named for the process and the thread: Node draws in worker threads beside the build's own.
    const temporary = `${file}.${process.pid}-${threadId}.tmp`;
    writeFileSync(temporary, svg);
    renameSync(temporary, file);
  }
}

export { MERMAID_VERSION };
