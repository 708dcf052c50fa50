import type { DiagramView } from '../../diagrams/index.ts';
import type { DiagramMode, Site } from '../../pages/site.ts';
import type { PageParts } from '../page-cache/page-parts.ts';
import type { Settings } from '../settings.ts';

/** What a page thread starts from (see page-thread.ts), as the build starts: it reads the content again meanwhile. */
export interface ThreadStart {
  readonly settings: Settings;
  /** The folder the build's check ran in: the model's paths are written from it. */
  readonly cwd: string;
  /** Where the check keeps what it read (see model/check-store.ts): the thread reads the content through it. */
  readonly checkStore: { readonly file: string; readonly key: string } | undefined;
}

/** What a page thread renders with, once the pages' code is bundled and the diagrams drawn: everything it cannot read itself. */
export interface ThreadGo {
  readonly type: 'go';
  /** The prerender bundle's entry, as a file URL: the pages' code, as Astro built it. */
  readonly entry: string;
  /** The build site's views as drawn (the drawing picks how some are drawn), its diagrams' mode, and what git said. */
  readonly views: ReadonlyMap<string, DiagramView | null>;
  readonly mode: DiagramMode;
  readonly known: Pick<Site, 'git' | 'history'>;
  /** The build site's digest (see site-digest.ts): a thread whose own site differs renders nothing. */
  readonly digest: string;
  /** Whether pages record what they read, for the page cache. */
  readonly recording: boolean;
  /** What Astro puts in each page's head: the styles of each page (by Astro's page key), the bundles of its scripts. */
  readonly head: ThreadHead;
}

export interface ThreadHead {
  readonly styles: ReadonlyMap<string, readonly unknown[]>;
  readonly bundles: ReadonlyMap<string, string>;
  readonly scripts: readonly unknown[];
}

/** A page to render: its address and its route (by Astro's `route` and `component`). */
export interface ThreadRequest {
  readonly type: 'page';
  readonly id: number;
  readonly url: string;
  readonly route: string;
  readonly component: string;
}

/** What the build's thread sends a page thread: what to render with, once, then pages. */
export type ThreadOrder = ThreadGo | ThreadRequest;

/** What a page thread answers. */
export type ThreadMessage =
  | { readonly type: 'ready' }
  /** The thread renders nothing: its site is not the build's, or the pages' code would not load. */
  | { readonly type: 'refused'; readonly reason: string }
  | { readonly type: 'log'; readonly level: 'warn' | 'error'; readonly label: string | null; readonly message: string }
  | {
      readonly type: 'page';
      readonly id: number;
      readonly status: number;
      readonly statusText: string;
      readonly headers: readonly (readonly [string, string])[];
      readonly body: ArrayBuffer | null;
      /** What the page read, where it is one the page cache keeps. */
      readonly reads: readonly string[] | undefined;
      /** What the page cache keeps of an HTML page beside it (see page-cache/page-parts.ts), read from its text here. */
      readonly parts: PageParts | undefined;
    }
  /** The page needs the build's own thread (it asked for an optimized image): render it there. */
  | { readonly type: 'elsewhere'; readonly id: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string; readonly stack: string | undefined };
