import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

type Entry = { type: 'link'; href: string; isCurrent: boolean } | { type: 'group'; entries: Entry[] };

const normalize = (href: string) => {
  let path = href;
  try {
    path = decodeURI(href);
  } catch {
    // Left as written.
  }
  return path.replace(/\/index\.html$/, '/').replace(/\/+$/, '') || '/';
};

/**
 * Marks the sidebar entry of the page being rendered, and only that one. Starlight marks the
 * current entry in one sidebar shared by every page and copies it a moment later: with
 * pages rendered several at a time, another page can be marked in between, and a page then
 * highlights another page's entry (seen in the sidebar, and a page that differs from build
 * to build). The copy each page gets is corrected here.
 */
export const onRequest = defineRouteMiddleware((context) => {
  const here = normalize(context.url.pathname);
  const mark = (entries: Entry[]) => {
    for (const entry of entries) {
      if (entry.type === 'link') entry.isCurrent = normalize(entry.href) === here;
      else mark(entry.entries);
    }
  };
  mark(context.locals.starlightRoute.sidebar as Entry[]);
});
