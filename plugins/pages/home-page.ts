import type { DiagramView } from '../diagrams/index.ts';
import { kindInfo, KINDS } from '../model/kinds.ts';
import type { Element } from '../model/model.ts';
import { displayName } from '../model/names.ts';
import { domainTypeBadge } from './badges.ts';
import { decisionItems } from './decisions.ts';
import { viewOf } from './diagram.ts';
import { byText, linkTo, serviceLinks } from './links.ts';
import { glossaryHref } from './glossary.ts';
import { overdueItems } from './reviews.ts';
import type { Site } from './site.ts';
import { elementHref, kindHref, withBase } from './urls.ts';
import {
  section,
  sectionHeadings,
  type Badge,
  type DecisionItem,
  type ElementLink,
  type Heading,
  type Link,
  type PageSection,
} from './view.ts';

export interface HomePage {
  readonly title: string;
  readonly description?: string | undefined;
  readonly owner?: ElementLink | undefined;
  readonly context: DiagramView | null;
  readonly architecture: Link;
  /** Only the sections with something to show, in order: they are also its table of contents. */
  readonly sections: readonly HomeSection[];
  readonly headings: readonly Heading[];
}

export type HomeSection =
  /** How many elements of each kind: "9 services". */
  | PageSection<'at-a-glance', { readonly counts: readonly Link[] }>
  /** What needs attention: risks and decisions past their review, the longest overdue first. */
  | PageSection<'needs-attention', { readonly items: readonly { readonly link: ElementLink; readonly review: string }[] }>
  | PageSection<
      'domains',
      {
        readonly domains: readonly {
          readonly domain: ElementLink;
          readonly type: Badge;
          /** Where the glossary explains the type. */
          readonly typeHref: string;
          readonly services: readonly ElementLink[];
        }[];
      }
    >
  | PageSection<'recent-decisions', { readonly decisions: readonly DecisionItem[] }>
  | PageSection<'recently-changed', { readonly changed: readonly { readonly link: ElementLink; readonly date: string }[] }>;

/** The overview: the system in context, its size, its domains, and what moved lately. */
export function homePage(site: Site): HomePage {
  const { model, base } = site;
  const system = model.system.data;
  const counts = KINDS.map(({ kind }) => {
    const count = model.byKind[kind].size;
    const { label, plural } = kindInfo(kind);
    return { text: `${count} ${(count === 1 ? label : plural).toLowerCase()}`, href: kindHref(kind, base), count };
  })
    .filter((k) => k.count > 0)
    .map(({ text, href }) => ({ text, href }));
  const domains = byText(
    [...model.byKind.domain.values()].map((d) => ({
      domain: linkTo(site, d)!,
      type: domainTypeBadge(d.data.type),
      typeHref: glossaryHref(`${d.data.type}-domain`, base),
      services: serviceLinks(site, model.relations.domainServices.get(d.id) ?? []),
    })),
    (d) => d.domain.text,
  );
  const newest = [...model.byKind.decision.values()]
    .sort((a, b) => (a.data.date < b.data.date ? 1 : a.data.date > b.data.date ? -1 : a.id < b.id ? -1 : 1))
    .slice(0, 5)
    .map((d) => d.id);
  const decisions = decisionItems(site, newest);
  const changed = recentlyChanged(site, 8);
  const attention = overdueItems(site);
  const sections: HomeSection[] = [
    ...section('at-a-glance', 'At a glance', true, { counts }),
    ...section('needs-attention', 'Needs attention', attention.length > 0, { items: attention }),
    ...section('domains', 'Domains', domains.length > 0, { domains }),
    ...section('recent-decisions', 'Recent decisions', decisions.length > 0, { decisions }),
    ...section('recently-changed', 'Recently changed', changed.length > 0, { changed }),
  ];
  return {
    title: system.name,
    description: system.description,
    owner: system.owner ? linkTo(site, { kind: 'team', id: system.owner }) : undefined,
    context: viewOf(site, 'context'),
    architecture: { text: 'See the architecture: containers, domains and entities →', href: withBase('/architecture/', base) },
    sections,
    headings: sectionHeadings(sections),
  };
}

/** The `count` elements whose files were committed last, newest first (ties by kind and id). */
export function recentlyChanged(site: Site, count: number): { link: ElementLink; date: string }[] {
  const { model, base } = site;
  return model.elements
    .flatMap((el) => {
      const date = site.git.dates.get(el.source.path);
      return date ? [{ el, date }] : [];
    })
    .sort(
      (a, b) =>
        b.date.getTime() - a.date.getTime() || (a.el.kind < b.el.kind ? -1 : a.el.kind > b.el.kind ? 1 : a.el.id < b.el.id ? -1 : 1),
    )
    .slice(0, count)
    .map(({ el, date }: { el: Element; date: Date }) => ({
      link: { text: displayName(el), href: elementHref(el, base), kind: kindInfo(el.kind).label },
      date: date.toISOString().slice(0, 10),
    }));
}
