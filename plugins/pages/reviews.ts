import { overdueReviews, reviewOverdue, type Reviewed } from '../model/reviews.ts';
import { kindInfo } from '../model/kinds.ts';
import { displayName } from '../model/names.ts';
import type { Site } from './site.ts';
import { elementHref } from './urls.ts';
import type { ElementLink } from './view.ts';

/** When an element is reviewed next, and whether that is past (on the build's day, `site.today`). */
export interface ReviewDate {
  readonly date: string;
  readonly overdue: boolean;
}

/** A risk's or decision's review date as pages show it; undefined when it has none. */
export function reviewOf(site: Site, element: Reviewed): ReviewDate | undefined {
  const date = element.data.review;
  return date === undefined ? undefined : { date, overdue: reviewOverdue(element, site.today) };
}

/** The risks and decisions past their review, the longest overdue first: the home page's "needs attention". */
export function overdueItems(site: Site): { readonly link: ElementLink; readonly review: string }[] {
  return overdueReviews(site.model, site.today).map((el) => ({
    link: { text: displayName(el), href: elementHref(el, site.base), kind: kindInfo(el.kind).label },
    review: el.data.review!,
  }));
}
