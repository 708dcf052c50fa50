/**
 * Ids of the free pages in docs/. Alone in their module, for the content collections
 * (src/content.config.ts), which Astro loads through Vite's module runner at every build and
 * dev start: importing the model for these would have it transform the model's modules again.
 */

/** The id of `docs/index.md`, whose page is the docs index at `/docs/`. */
export const DOCS_INDEX = 'index';

/**
 * A docs page's id, which is also its path under `/docs/`: the file's path under `docs/`,
 * lower-cased, with spaces and the characters a URL path cannot hold as they are (`#`, `?`,
 * `%`, quotes, brackets, control characters) turned into `-`. `docs/Guides/Getting Started.md`
 * → `guides/getting-started`; `docs/guides/index.md` → `guides`; `docs/index.md` → `index`,
 * the docs landing page at `/docs/`.
 */
export function docId(relative: string): string {
  const segments = relative
    .replace(/^docs\//, '')
    .replace(/\.mdx?$/i, '')
    .split('/')
    .map((s) =>
      s
        .trim()
        .toLowerCase()
        .replace(/[\s#?%\\"'<>`^{|}[\]\u0000-\u001f\u007f]+/g, '-')
        .replace(/-{2,}/g, '-'),
    );
  if (segments.length > 1 && segments.at(-1) === 'index') segments.pop();
  return segments.join('/');
}
