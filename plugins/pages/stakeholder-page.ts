import { bodyOf } from './body.ts';
import { byText, linksTo } from './links.ts';
import { elementHead } from './page-meta.ts';
import type { Site } from './site.ts';
import { elementHref } from './urls.ts';
import { shownHeadings, type ElementLink, type Link, type PageHead } from './view.ts';

export interface StakeholderPage {
  readonly head: PageHead;
  readonly description?: string | undefined;
  readonly body?: string | undefined;
  readonly concerns: readonly string[];
  readonly influence?: string | undefined;
  readonly interest?: string | undefined;
  readonly represents: readonly ElementLink[];
  /** The requirements it raised, by title. */
  readonly requirements: readonly Link[];
}

export function stakeholderPage(site: Site, id: string): StakeholderPage {
  const { model } = site;
  const el = model.byKind.stakeholder.get(id);
  if (!el) throw new Error(`archsite: no stakeholder "${id}"`);
  const requirements = byText(
    [...model.byKind.requirement.values()]
      .filter((r) => (model.relations.raisedBy.get(r.id) ?? []).some((ref) => ref.kind === 'stakeholder' && ref.id === id))
      .map((r) => ({ text: r.data.title, href: elementHref(r, site.base) })),
  );
  const represents = linksTo(site, model.relations.represents.get(id) ?? []);
  return {
    head: elementHead(
      site,
      el,
      el.data.name,
      el.data.description,
      shownHeadings([
        ['concerns', 'Concerns', !!el.data.concerns?.length],
        ['represented-by', 'Represented by', represents.length > 0],
        ['requirements', 'Requirements raised', requirements.length > 0],
      ]),
    ),
    description: el.data.description,
    body: bodyOf(el),
    concerns: el.data.concerns ?? [],
    influence: el.data.influence,
    interest: el.data.interest,
    represents,
    requirements,
  };
}
