import { keyOf } from '../../model/model.ts';
import { bodyOf } from '../body.ts';
import { linksTo } from '../links.ts';
import { elementHead } from '../page-meta.ts';
import type { Site } from '../site.ts';
import { section, sectionHeadings, type Badge, type ElementLink, type PageHead, type PageSection } from '../view.ts';
import { definePageKind } from './define.ts';
import { domainOfRef } from './facet-names.ts';

export interface ConstraintPage {
  readonly head: PageHead;
  readonly type: Badge;
  readonly source: string;
  readonly sections: readonly ConstraintSection[];
}

export type ConstraintSection =
  | PageSection<'constraint', { readonly description?: string | undefined; readonly body?: string | undefined }>
  | PageSection<'binds', { readonly elements: readonly ElementLink[] }>;

const TYPE_BADGE: Readonly<Record<string, Badge>> = {
  technical: { text: 'technical', variant: 'note' },
  business: { text: 'business', variant: 'default' },
  regulatory: { text: 'regulatory', variant: 'caution' },
};

/** A constraint's page: where it comes from, what it says, and the elements it binds. */
export function constraintPage(site: Site, id: string): ConstraintPage {
  const el = site.model.byKind.constraint.get(id);
  if (!el) throw new Error(`archsite: no constraint "${id}"`);
  const d = el.data;
  const bound = linksTo(site, boundBy(site, id));
  const body = bodyOf(el);
  const sections: ConstraintSection[] = [
    ...section('constraint', 'Constraint', !!(d.description || body), { description: d.description, body }),
    ...section('binds', 'Binds', bound.length > 0, { elements: bound }),
  ];
  return {
    head: elementHead(site, el, d.title, d.description, sectionHeadings(sections)),
    type: TYPE_BADGE[d.type]!,
    source: d.source,
    sections,
  };
}

/** The elements a constraint binds, resolved, as written. */
function boundBy(site: Site, id: string) {
  return (site.model.relations.links.get(keyOf({ kind: 'constraint', id })) ?? []).filter((l) => l.field === 'binds').map((l) => l.target);
}

export const constraintPages = definePageKind<'constraint'>({
  page: constraintPage,
  index: {
    table: (site, constraints, c) => ({
      noun: 'constraint',
      columns: [
        { key: 'name', label: 'Constraint' },
        { key: 'type', label: 'Type', filter: true },
        { key: 'source', label: 'Source' },
        { key: 'binds', label: 'Binds' },
      ],
      rows: constraints.map((el) => ({
        name: c.name(el),
        type: c.text(el.data.type),
        source: c.text(el.data.source),
        binds: c.links(boundBy(site, el.id)),
      })),
    }),
  },
  facets: (site, el) => ({ domain: boundBy(site, el.id).map((ref) => domainOfRef(site, ref)) }),
});
