import { bodyOf } from './body.ts';
import { decisionsAbout } from './decisions.ts';
import { byText, linksTo } from './links.ts';
import { elementHead } from './page-meta.ts';
import type { Site } from './site.ts';
import { withBase } from './urls.ts';
import { shownHeadings, type DecisionItem, type ElementLink, type Link, type PageHead } from './view.ts';

export interface TeamPage {
  readonly head: PageHead;
  readonly description?: string | undefined;
  readonly contact?: string | undefined;
  readonly body?: string | undefined;
  /** The system as a whole, when the team owns it. */
  readonly system?: Link | undefined;
  readonly domains: readonly ElementLink[];
  readonly services: readonly ElementLink[];
  readonly members: readonly string[];
  readonly decisions: readonly DecisionItem[];
}

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
  const headings = shownHeadings([
    ['owns', 'Owns', ownsSystem || domains.length + services.length > 0],
    ['members', 'Members', !!d.members?.length],
    ['decisions', 'Decisions', decisions.length > 0],
  ]);
  return {
    head: elementHead(site, el, d.name, d.description, headings),
    description: d.description,
    contact: d.contact,
    body: bodyOf(el),
    system: ownsSystem ? { text: model.system.data.name, href: withBase('/', site.base) } : undefined,
    domains,
    services,
    members: d.members ?? [],
    decisions,
  };
}
