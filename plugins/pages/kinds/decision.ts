import { adrNumber } from '../../model/names.ts';
import { decisionPage } from '../decision-page.ts';
import { reviewOf } from '../reviews.ts';
import { technologies } from '../technology.ts';
import { definePageKind } from './define.ts';

export const decisionPages = definePageKind<'decision'>({
  page: (site, id) => decisionPage(site, id),
  index: {
    // By date and number, as the model lists them.
    ordered: true,
    table: (site, decisions, c) => {
      // A review column only where some decision has a review date.
      const reviewed = decisions.some((d) => d.data.review !== undefined);
      return {
        noun: 'decision',
        columns: [
          { key: 'number', label: 'ADR' },
          { key: 'title', label: 'Title' },
          { key: 'status', label: 'Status', filter: true },
          { key: 'date', label: 'Date' },
          { key: 'technology', label: 'Technology', filter: true },
          ...(reviewed ? [{ key: 'review', label: 'Review' }] : []),
        ],
        rows: decisions.map((d) => {
          const n = adrNumber(d.id);
          return {
            number: {
              text: n === undefined ? d.id : String(n),
              href: c.name(d).href,
              sort: n ?? d.id,
              nowrap: true,
              code: n === undefined,
            },
            title: c.name(d),
            status: c.text(d.data.status),
            date: { text: d.data.date, nowrap: true },
            technology: c.text(d.data.technology),
            review: c.review(reviewOf(site, d)),
          };
        }),
      };
    },
  },
  facets: (_site, el) => ({ status: [el.data.status], technology: technologies(el.data.technology) }),
});
