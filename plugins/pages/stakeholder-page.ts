import { bodyOf } from './body.ts';
import { byText, linksTo } from './links.ts';
import { elementHead } from './page-meta.ts';
import type { Site } from './site.ts';
import { elementHref } from './urls.ts';
import { section, sectionHeadings, type ElementLink, type Link, type PageHead, type PageSection } from './view.ts';

export interface StakeholderPage {
  readonly head: PageHead;
  readonly description?: string | undefined;
  readonly body?: string | undefined;
  readonly influence?: string | undefined;
  readonly interest?: string | undefined;
  /** Only the sections with something to show, in order. */
  readonly sections: readonly StakeholderSection[];
}

export type StakeholderSection =
  | PageSection<'concerns', { readonly concerns: readonly string[] }>
  | PageSection<'represented-by', { readonly elements: readonly ElementLink[] }>
  /** The requirements it raised, by title. */
  | PageSection<'requirements', { readonly requirements: readonly Link[] }>;

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
  const sections: StakeholderSection[] = [
    ...section('concerns', 'Concerns', !!el.data.concerns?.length, { concerns: el.data.concerns ?? [] }),
    ...section('represented-by', 'Represented by', represents.length > 0, { elements: represents }),
    ...section('requirements', 'Requirements raised', requirements.length > 0, { requirements }),
  ];
  return {
    head: elementHead(site, el, el.data.name, el.data.description, sectionHeadings(sections)),
    description: el.data.description,
    body: bodyOf(el),
    influence: el.data.influence,
    interest: el.data.interest,
    sections,
  };
}
