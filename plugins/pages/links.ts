import { kindInfo } from '../model/kinds.ts';
import type { Element, ElementRef } from '../model/model.ts';
import { displayName } from '../model/names.ts';
import type { Site } from './site.ts';
import { elementHref } from './urls.ts';
import type { ElementLink } from './view.ts';

/** A link to an element of the site, by its name; undefined when the model has no such element. */
export function linkTo(site: Site, ref: ElementRef): ElementLink | undefined {
  const el = site.model.byKind[ref.kind].get(ref.id) as Element | undefined;
  return el ? { text: displayName(el), href: elementHref(el, site.base), kind: kindInfo(el.kind).label } : undefined;
}

/** Links to the elements that exist, in the order given. */
export function linksTo(site: Site, refs: readonly ElementRef[]): ElementLink[] {
  return refs.flatMap((ref) => linkTo(site, ref) ?? []);
}

/** Links to services by id, sorted by name. */
export function serviceLinks(site: Site, ids: readonly string[]): ElementLink[] {
  return byText(
    linksTo(
      site,
      ids.map((id) => ({ kind: 'service' as const, id })),
    ),
  );
}

/**
 * Names compared as a reader looks them up (`String.localeCompare` in English, case and
 * accents aside). One collator for every sort: `localeCompare` with a locale makes one per
 * comparison, 60 times slower, and a site of 1,000 services sorts thousands of lists.
 */
const BY_NAME = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * Two names in a reader's order, whatever the machine's locale: by `BY_NAME`, then, where it
 * finds them equal ("API", "api"), by their characters, so that every build orders them alike.
 */
export function compareNames(x: string, y: string): number {
  return BY_NAME.compare(x, y) || (x < y ? -1 : x > y ? 1 : 0);
}

/** Sorted by name (their text, or what `name` gives), as a reader looks things up; the same order in every build. */
export function byText<T>(items: readonly T[], name: (item: T) => string = (item) => (item as { text: string }).text): T[] {
  return [...items].sort((a, b) => compareNames(name(a), name(b)));
}
