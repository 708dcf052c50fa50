import { keyOf, type ElementRef } from '../model/model.ts';
import { PRIORITY_BADGE, REQUIREMENT_STATUS_BADGE, targetText } from './requirement-page.ts';
import { compareNames, linkTo } from './links.ts';
import type { Site } from './site.ts';
import { elementHref } from './urls.ts';
import type { Badge, ElementLink, Link } from './view.ts';

export interface TraceabilityPage {
  /** The elements traced to, the matrix's columns: every element that satisfies a requirement, by kind then name. */
  readonly columns: readonly ElementLink[];
  readonly rows: readonly {
    readonly requirement: Link;
    readonly type: string;
    readonly priority: Badge;
    readonly status: Badge;
    readonly target?: string | undefined;
    /** For each column, whether the requirement is traced to it. */
    readonly cells: readonly boolean[];
    readonly satisfied: boolean;
  }[];
  /** "7 of 9 requirements are satisfied by at least one element." */
  readonly coverage: string;
}

/** Requirement × element: which elements satisfy which requirement. */
export function traceabilityPage(site: Site): TraceabilityPage {
  const { model } = site;
  const refs = new Map<string, ElementRef>();
  for (const targets of model.relations.satisfiedBy.values()) for (const ref of targets) refs.set(keyOf(ref), ref);
  const columns = [...refs.values()]
    .flatMap((ref) => {
      const link = linkTo(site, ref);
      return link ? [{ ref, link }] : [];
    })
    .sort((a, b) => compareNames(a.link.kind, b.link.kind) || compareNames(a.link.text, b.link.text));
  const rows = [...model.byKind.requirement.values()].map((r) => {
    const traced = new Set((model.relations.satisfiedBy.get(r.id) ?? []).map(keyOf));
    return {
      requirement: { text: r.data.title, href: elementHref(r, site.base) },
      type: r.data.type === 'functional' ? 'Functional' : 'Non-functional',
      priority: PRIORITY_BADGE[r.data.priority]!,
      status: REQUIREMENT_STATUS_BADGE[r.data.status]!,
      target: r.data.target ? targetText(r.data.target) : undefined,
      cells: columns.map((c) => traced.has(keyOf(c.ref))),
      satisfied: traced.size > 0,
    };
  });
  const satisfied = rows.filter((r) => r.satisfied).length;
  return {
    columns: columns.map((c) => c.link),
    rows,
    coverage:
      rows.length === 0
        ? 'There are no requirements yet. Write each in requirements/, naming the services, domains or deployments that meet it in satisfiedBy, and this page traces them.'
        : `${satisfied} of ${rows.length} ${rows.length === 1 ? 'requirement is' : 'requirements are'} satisfied by at least one element.`,
  };
}
