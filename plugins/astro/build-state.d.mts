import type { Site } from '../pages/site.ts';
import type { PhaseClock } from './phase-clock.ts';

/** What the integration hands the pages in a build or a dev server (see build-state.mjs). */
export interface BuildState {
  readonly site: Site;
  /** The page cache, in a build that keeps unchanged pages (in a page thread, what records for it). */
  readonly pages?: PageRecording | undefined;
  /** Where the build's time goes (`build --timings`): the pages mark when the first of them renders. */
  readonly clock?: PhaseClock | undefined;
  /**
   * In a build, what the first page waits for: the diagrams drawn while Astro bundled the
   * pages, and the page cache opened. The state is published again without it once done.
   */
  readonly ready?: (() => Promise<void>) | undefined;
}

/** What the middleware asks of the page cache (see page-cache/page-cache.ts). */
export interface PageRecording {
  /** The reads a page starts with (its own element, its file's date). */
  startPage(route: string): Set<string>;
  /**
   * Keeps a page (or a page's Markdown text) rendered, with what it read: its text, and the
   * UTF-8 bytes it came as. True when it is stored and put in the output from there: the
   * middleware then answers it with no body.
   */
  keep(route: string, reads: Set<string>, text: string, bytes: Uint8Array): boolean;
}

export function publishBuild(state: BuildState): Promise<void>;
export function onPublish(listener: (state: BuildState) => Promise<void> | void): () => void;
export function currentBuild(): BuildState;
