import { compare } from './diagnostics.ts';
import type { Element, Model } from './model.ts';

/** An element with a review date: a risk, or a decision. */
export type Reviewed = Element<'risk'> | Element<'decision'>;

/**
 * Whether an element is still reviewed: a risk that is not closed, a decision that is in
 * force or under discussion. Their `review` date is when someone looks at them again.
 */
export function isReviewed(element: Reviewed): boolean {
  if (element.kind === 'risk') return element.data.status !== 'closed';
  return element.data.status === 'accepted' || element.data.status === 'proposed';
}

/** Whether an element's review is past due on `today` (YYYY-MM-DD): its date is before today. The one rule the check and the pages share. */
export function reviewOverdue(element: Reviewed, today: string | undefined): boolean {
  const review = element.data.review;
  return today !== undefined && review !== undefined && isReviewed(element) && review < today;
}

/** Every risk and decision whose review is past due on `today`, the longest overdue first (then by kind and id). */
export function overdueReviews(model: Model, today: string | undefined): Reviewed[] {
  const all: Reviewed[] = [...model.byKind.risk.values(), ...model.byKind.decision.values()];
  return all
    .filter((el) => reviewOverdue(el, today))
    .sort((a, b) => compare(a.data.review!, b.data.review!) || compare(a.kind, b.kind) || compare(a.id, b.id));
}

/** Today, as `check --today` and the pages write it: YYYY-MM-DD, in UTC. */
export function todayOf(clock: Date): string {
  return clock.toISOString().slice(0, 10);
}
