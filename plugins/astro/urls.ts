import type { ElementRef } from '../model/model.ts';
import { elementRoute, kindRoute } from '../model/routes.ts';
import type { ElementKind } from '../model/kinds.ts';

/** The site's base path, always ending with `/`. */
export function basePath(): string {
  // Vite replaces `import.meta.env.BASE_URL` in pages; outside Vite (config, tests) it is undefined.
  const base = (typeof import.meta.env === 'object' ? import.meta.env.BASE_URL : undefined) ?? process.env.ARCHSITE_BASE ?? '/';
  return base.endsWith('/') ? base : `${base}/`;
}

/** A site route (`/services/x/`) as a URL under the site's base. */
export function withBase(route: string, base = basePath()): string {
  return `${base}${route.replace(/^\//, '')}`;
}

export function elementHref(ref: ElementRef, base?: string): string {
  return withBase(elementRoute(ref), base);
}

export function kindHref(kind: ElementKind, base?: string): string {
  return withBase(kindRoute(kind), base);
}

/** Where a content file that is not an element (a schema, an image) is published. */
export function fileHref(contentPath: string, base?: string): string {
  return withBase(`/files/${contentPath.split('/').map(encodeURIComponent).join('/')}`, base);
}
