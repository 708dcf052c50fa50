import { kindInfo } from '../model/kinds.ts';
import { keyOf, type Element } from '../model/model.ts';
import { completeness } from '../model/scorecard.ts';
import { elementChanges } from './changes-page.ts';
import { editUrl } from './edit-links.ts';
import { pageKind } from './kinds.ts';
import { riskRating } from './risk-levels.ts';
import { elementHref } from './urls.ts';
import type { Site } from './site.ts';
import { linkTo } from './links.ts';
import { section, sectionHeadings, type Badge, type ElementLink, type Heading, type PageHead, type TracedSection } from './view.ts';

/** When an element's file was last committed; undefined outside git and for uncommitted files. */
export function lastUpdated(site: Site, el: Element): Date | undefined {
  return site.git.dates.get(el.source.path);
}

/** The head of an element's page: title, description, edit link, date, search facets and sections. */
export function elementHead(
  site: Site,
  el: Element,
  title: string,
  description: string | undefined,
  headings: readonly Heading[],
): PageHead {
  const changes = elementChanges(site, el);
  const score = el.kind === 'service' ? completeness(el, site.model) : undefined;
  const sections: TracedSection[] = [
    ...tracedTo(site, el),
    ...(score ? section('completeness', 'Template completeness', true, { percent: score.percent, missing: score.missing }) : []),
    ...section('what-changed', 'What changed', changes.length > 0, { changes }),
  ];
  return {
    title,
    ...(description ? { description } : {}),
    editUrl: editUrl(site, el),
    lastUpdated: lastUpdated(site, el),
    facets: searchFacets(site, el),
    headings: [...headings, ...sectionHeadings(sections)],
    lifecycle: lifecycleOf(site, el),
    sections,
  };
}

const LIFECYCLE_BADGE: Readonly<Record<string, Badge>> = {
  proposed: { text: 'proposed', variant: 'note' },
  planned: { text: 'planned', variant: 'note' },
  deprecated: { text: 'deprecated', variant: 'caution' },
  retired: { text: 'retired', variant: 'danger' },
};

/** Where an element stands, when not simply in use, and what replaces it (`replacedBy`, resolved). */
function lifecycleOf(site: Site, el: Element): PageHead['lifecycle'] {
  const state = (el.data as { readonly lifecycle?: string }).lifecycle;
  if (state === undefined || !Object.hasOwn(LIFECYCLE_BADGE, state)) return undefined;
  const replacement = site.model.relations.links.get(keyOf(el))?.find((l) => l.field === 'replacedBy')?.target;
  return { badge: LIFECYCLE_BADGE[state]!, replacedBy: replacement && linkTo(site, replacement) };
}

/**
 * The pagefind facets of an element: kind, domain, team, technology and status; each value
 * once, sorted. Technology is normalised to the technologies named (see technology.ts).
 */
export function searchFacets(site: Site, el: Element): { name: string; value: string }[] {
  // The kind's part takes an element of its kind; TypeScript cannot tie the two through the union, so it is said once here.
  const facets: Record<string, readonly (string | undefined)[]> = {
    kind: [kindInfo(el.kind).label],
    ...(pageKind(el.kind).facets as ((site: Site, el: Element) => Record<string, readonly (string | undefined)[]>) | undefined)?.(site, el),
  };
  return Object.entries(facets).flatMap(([name, values]) =>
    [...new Set(values.filter((v): v is string => !!v).map(facetValue))].sort().map((value) => ({ name, value })),
  );
}

/**
 * A facet value as pagefind may show it. Pagefind's search UI puts filter values into the
 * page as HTML, so a name like `<img onerror=...>` would become markup: angle brackets are
 * shown as look-alike quotation marks instead.
 */
export function facetValue(value: string): string {
  return value.replace(/</g, '‹').replace(/>/g, '›').replace(/\s+/g, ' ').trim();
}

/**
 * The search facets of a page Starlight renders from the content's docs/ (route id
 * `docs/<path>`): its kind. Other routes write their own facets, or have none.
 */
export function docsPageFacets(routeId: string): { name: string; value: string }[] {
  return /^docs\/./.test(routeId) ? [{ name: 'kind', value: kindInfo('doc').label }] : [];
}

/** What is traced to an element: the requirements it satisfies, the risks to it (the most serious first), the flows it is in. */
function tracedTo(site: Site, el: Element): TracedSection[] {
  const { model, base } = site;
  const key = keyOf(el);
  const requirements = (model.relations.requirements.get(key) ?? []).flatMap((id) => {
    const r = model.byKind.requirement.get(id);
    return r ? [{ text: r.data.title, href: elementHref(r, base) }] : [];
  });
  const risks = (model.relations.risks.get(key) ?? [])
    .flatMap((id) => {
      const r = model.byKind.risk.get(id);
      return r ? [{ link: { text: r.data.title, href: elementHref(r, base) }, ...riskRating(r.data.likelihood, r.data.impact) }] : [];
    })
    .sort((a, b) => b.score - a.score)
    .map(({ link, rating }) => ({ link, rating }));
  const flows = (model.relations.flows.get(key) ?? []).flatMap((id) => {
    const f = model.byKind.flow.get(id);
    return f ? [{ text: f.data.title, href: elementHref(f, base) }] : [];
  });
  const linked = new Map<string, ElementLink[]>();
  for (const { inverse, from } of model.relations.linkedFrom.get(key) ?? []) {
    const link = linkTo(site, from);
    if (link) linked.set(inverse, [...(linked.get(inverse) ?? []), link]);
  }
  return [
    ...section('requirements', 'Requirements', requirements.length > 0, { requirements }),
    ...section('known-risks', 'Risks', risks.length > 0, { risks }),
    ...section('flows', 'Flows', flows.length > 0, { flows }),
    ...[...linked].flatMap(([title, links]) => section(`linked-${slug(title)}`, title, true, { linked: links })),
  ];
}

/** A heading's anchor from its text: `Bound by` → `bound-by`. */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
