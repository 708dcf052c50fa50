import type { ElementRef } from '../model/model.ts';
import { keyOf } from '../model/model.ts';
import { adrNumber } from '../model/names.ts';
import { statusBadge } from './badges.ts';
import type { Site } from './site.ts';
import { elementHref } from './urls.ts';
import type { DecisionItem } from './view.ts';

/** Decisions by id, as list items, in the order given; ids the model lacks are left out. */
export function decisionItems(site: Site, ids: readonly string[]): DecisionItem[] {
  return ids.flatMap((id) => {
    const d = site.model.byKind.decision.get(id);
    if (!d) return [];
    const n = adrNumber(d.id);
    return [
      {
        link: { text: d.data.title, href: elementHref(d, site.base) },
        ...(n === undefined ? {} : { number: `ADR ${n}` }),
        status: statusBadge(d.data.status),
        date: d.data.date,
      },
    ];
  });
}

/** The decisions that affect an element, newest first. */
export function decisionsAbout(site: Site, ref: ElementRef): DecisionItem[] {
  return decisionItems(site, site.model.relations.decisions.get(keyOf(ref)) ?? []).sort((a, b) =>
    a.date < b.date ? 1 : a.date > b.date ? -1 : 0,
  );
}
