import { overdueReviews } from '../reviews.ts';
import type { Check } from './context.ts';

/** `review-overdue`: a risk or decision whose review date is before today (`check --today`, else the clock), at its `review`. */
export const checkReviews: Check = ({ model, parsed, diagnostics, today }) => {
  for (const el of overdueReviews(model, today)) {
    const at = parsed.get(`${el.kind}:${el.id}`)?.locate.value(['review']) ?? el.source.start;
    const what = el.kind === 'risk' ? `risk '${el.id}'` : `decision '${el.id}'`;
    diagnostics.report('review-overdue', el.source.file, at, `${what} was due for review on ${el.data.review} (today is ${today})`);
  }
};
