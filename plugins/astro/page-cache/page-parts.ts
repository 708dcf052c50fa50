import { inlineScriptHashes } from '../csp.ts';
import { searchView } from '../search-view.ts';

/** An image in Astro's assets folder: one Astro optimized (`<Image>`, `getImage`) as the page rendered, or took as it is. */
const OPTIMIZED_IMAGE = /<img\b[^>]*\s(?:src|srcset)="[^"]*\/_astro\//;

/** An HTML page's route ends with a slash; a text's (a page's Markdown) names its file. */
export const isPage = (route: string) => route.endsWith('/');

/**
 * What the page cache keeps of a rendered page beside the page itself, read from its text
 * where it rendered (a page thread, or the build's own thread): the policy hashes of its
 * inline scripts (see csp.ts), and its search view (see search-view.ts). A page showing an
 * image Astro optimized has no search view: Astro makes the image only as the page renders,
 * so such a page is rendered every time, never stored.
 */
export interface PageParts {
  readonly scripts: readonly string[];
  readonly search: string | undefined;
}

export function pageParts(html: string): PageParts {
  return { scripts: inlineScriptHashes(html), search: OPTIMIZED_IMAGE.test(html) ? undefined : searchView(html) };
}
