import type { Element, ElementRef } from '../model/model.ts';
import { displayName } from '../model/names.ts';
import type { Cell } from './index-tables.ts';
import { byText, linksTo } from './links.ts';
import type { ReviewDate } from './reviews.ts';
import type { Site } from './site.ts';
import { elementHref } from './urls.ts';

/** The cells an index table is made of, for one site. */
export interface IndexCells {
  /** An element's name, linking to its page; sorted case-blind. */
  name(el: Element): Cell;
  /** A domain, team or resource by id, linking to its page; nothing for an id that names none. */
  ref(kind: 'domain' | 'team' | 'resource', id: string | undefined): Cell | undefined;
  text(value: string | number | undefined): Cell | undefined;
  count(n: number): Cell;
  /** Links to elements, by name, in one cell. */
  links(refs: readonly ElementRef[]): Cell | undefined;
  /** Links to services, each once. */
  services(ids: readonly string[]): Cell | undefined;
  /** A review date: the date, said overdue when it is (sorted by the date). */
  review(review: ReviewDate | undefined): Cell | undefined;
}

export function indexCells(site: Site): IndexCells {
  const { model, base } = site;
  const links = (refs: readonly ElementRef[]): Cell | undefined => {
    const list = byText(linksTo(site, refs));
    return list.length === 0 ? undefined : { text: list.map((l) => l.text).join(', '), links: list };
  };
  return {
    name: (el) => ({ text: displayName(el), href: elementHref(el, base), sort: displayName(el).toLowerCase() }),
    ref: (kind, id) => {
      const target: Element | undefined = id ? model.byKind[kind].get(id) : undefined;
      return target ? { text: displayName(target), href: elementHref(target, base) } : undefined;
    },
    text: (value) => (value === undefined || value === '' ? undefined : { text: String(value) }),
    count: (n) => ({ text: String(n), sort: n, nowrap: true }),
    links,
    services: (ids) => links([...new Set(ids)].map((id) => ({ kind: 'service' as const, id }))),
    review: (review) => review && { text: review.overdue ? `${review.date} (overdue)` : review.date, sort: review.date, nowrap: true },
  };
}
