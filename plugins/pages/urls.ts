import type { ElementRef } from '../model/model.ts';
import { elementRoute, kindRoute } from '../model/routes.ts';
import type { ElementKind } from '../model/kinds.ts';

/** A site route (`/services/x/`) as a URL under the site's base (which ends with `/`). */
export function withBase(route: string, base: string): string {
  return `${base}${route.replace(/^\//, '')}`;
}

export function elementHref(ref: ElementRef, base: string): string {
  return withBase(elementRoute(ref), base);
}

export function kindHref(kind: ElementKind, base: string): string {
  return withBase(kindRoute(kind), base);
}

/** Where a content file that is not an element (a schema, an image) is published. */
export function fileHref(contentPath: string, base: string): string {
  return withBase(`/files/${contentPath.split('/').map(encodeURIComponent).join('/')}`, base);
}
