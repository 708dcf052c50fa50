import { bodyOf } from './body.ts';
import { decisionsAbout } from './decisions.ts';
import { byText, linksTo } from './links.ts';
import { elementHead } from './page-meta.ts';
import type { Site } from './site.ts';
import { withBase } from './urls.ts';
import { section, sectionHeadings, type DecisionItem, type ElementLink, type Link, type PageHead, type PageSection } from './view.ts';

export interface TeamPage {
  readonly head: PageHead;
  readonly description?: string | undefined;
  readonly contact?: string | undefined;
  readonly body?: string | undefined;
  /** Only the sections with something to show, in order. */
  readonly sections: readonly TeamSection[];
}

export type TeamSection =
  | PageSection<
      'owns',
      {
        /** The system as a whole, when the team owns it. */
        readonly system?: Link | undefined;
        readonly domains: readonly ElementLink[];
        readonly services: readonly ElementLink[];
      }
    >
  | PageSection<'members', { readonly members: readonly string[] }>
  | PageSection<'decisions', { readonly items: readonly DecisionItem[] }>;

export function teamPage(site: Site, id: string): TeamPage {
  const { model } = site;
  const el = model.byKind.team.get(id);
  if (!el) throw new Error(`archsite: no team "${id}"`);
  const d = el.data;
  const owned = model.relations.owned.get(id) ?? [];
  const ownsSystem = model.system.data.owner === id;
  const domains = byText(
    linksTo(
      site,
      owned.filter((r) => r.kind === 'domain'),
    ),
  );
  const services = byText(
    linksTo(
      site,
      owned.filter((r) => r.kind === 'service'),
    ),
  );
  const decisions = decisionsAbout(site, el);
  const system = ownsSystem ? { text: model.system.data.name, href: withBase('/', site.base) } : undefined;
  const sections: TeamSection[] = [
    ...section('owns', 'Owns', ownsSystem || domains.length + services.length > 0, { system, domains, services }),
    ...section('members', 'Members', !!d.members?.length, { members: d.members ?? [] }),
    ...section('decisions', 'Decisions', decisions.length > 0, { items: decisions }),
  ];
  return {
    head: elementHead(site, el, d.name, d.description, sectionHeadings(sections)),
    description: d.description,
    contact: d.contact,
    body: bodyOf(el),
    sections,
  };
}
