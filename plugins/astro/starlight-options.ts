import type { StarlightUserConfig } from '@astrojs/starlight/types';
import { compare } from '../model/diagnostics.ts';
import { KINDS } from '../model/kinds.ts';
import type { Element, Model } from '../model/model.ts';
import { displayName } from '../model/names.ts';
import { STATUS_VARIANT } from '../pages/badges.ts';
import type { Settings } from './settings.ts';
import { DOCS_INDEX, elementRoute, FIXED_PAGES, HELP_ROUTE, kindRoute, REFERENCE_PAGES } from '../model/routes.ts';

type Sidebar = NonNullable<StarlightUserConfig['sidebar']>;

/** A kind with more elements than this is listed in the sidebar by its index only. */
const MAX_LISTED = 60;
type SidebarItem = Sidebar[number];

/** Starlight's options, derived from the model: title, edit links, sidebar (whose links Starlight puts under the base). */
export function starlightOptions(
  model: Model | undefined,
  settings: Pick<Settings, 'contentDir' | 'reference' | 'help'>,
): StarlightUserConfig {
  const system = model?.system.data;
  return {
    title: system?.name || 'Architecture',
    ...(system?.description ? { description: system.description } : {}),
    lastUpdated: true,
    pagefind: true,
    // Our own 404 page: the docs collection holds the content's pages only.
    disable404Route: true,
    // Starlight's Markdown features (asides, heading anchors) apply to the content's prose too.
    markdown: { processedDirs: [settings.contentDir] },
    // The diagrams' font, bundled (see astro/diagrams/drawn/text-metrics.ts): its Latin subset, regular and bold.
    customCss: ['@fontsource/inter/latin-400.css', '@fontsource/inter/latin-700.css', './src/styles/archsite.css'],
    // Head entries as text, never as markup (see the component).
    components: { Head: './src/components/Head.astro', MarkdownContent: './src/components/MarkdownContent.astro' },
    // Each page's own sidebar entry marked, whatever else renders at the same time; the free pages'
    // dates and edit links made as every element page's are. See each module.
    routeMiddleware: ['./plugins/astro/sidebar-current.ts', './plugins/astro/docs-route.ts'],
    sidebar: model ? sidebar(model, settings) : [],
  };
}

function sidebar(model: Model, settings: Pick<Settings, 'reference' | 'help'>): Sidebar {
  const link = (el: Element): SidebarItem => ({
    label: displayName(el),
    link: elementRoute(el),
    ...(el.kind === 'decision'
      ? {
          badge: { text: el.data.status, variant: STATUS_VARIANT[el.data.status] },
          // The badge is read straight after the title ("…decisionsaccepted") without a name of its own.
          attrs: { 'aria-label': `${displayName(el)}, ${el.data.status}` },
        }
      : {}),
  });
  const fixed = (group: (typeof FIXED_PAGES)[number]['group']) =>
    FIXED_PAGES.filter((page) => page.group === group).map((page) => ({ label: page.label, link: page.route }));
  const groups: Sidebar = [
    {
      label: 'Overview',
      items: [...fixed('Overview'), ...(settings.help ? [{ label: 'Writing this architecture', link: HELP_ROUTE }] : [])],
    },
  ];
  // What stakeholders look for first comes first: each kind's definition gives its place.
  const order = [...KINDS].sort((a, b) => a.sidebar.position - b.sidebar.position);
  for (const { kind, plural, sidebar: place } of order) {
    const elements = [...model.byKind[kind].values()] as Element[];
    if (elements.length === 0) continue;
    const all: SidebarItem = { label: `All ${plural.toLowerCase()}`, link: kindRoute(kind) };
    // Every page carries the sidebar: past a few dozen elements of a kind, it links to the
    // kind's index (and, for services, to each domain) instead of to every element.
    const large = elements.length > MAX_LISTED;
    if (kind === 'service') {
      // Services are listed by domain: the way stakeholders look for them.
      const domains = [...model.byKind.domain.values()].filter((d) => (model.relations.domainServices.get(d.id)?.length ?? 0) > 0);
      const byDomain: SidebarItem[] = domains.map((domain) =>
        large
          ? { label: domain.data.name, link: elementRoute(domain) }
          : {
              label: domain.data.name,
              collapsed: false,
              items: (model.relations.domainServices.get(domain.id) ?? []).map((id) => link(model.byKind.service.get(id)!)),
            },
      );
      groups.push({ label: plural, collapsed: false, items: [all, ...byDomain] });
    } else if (kind === 'doc') {
      // The docs landing page (docs/index.md) leads; then by `order`, then by title.
      const rank = (d: Element<'doc'>) => (d.id === DOCS_INDEX ? -Infinity : (d.data.order ?? Infinity));
      const docs = [...model.byKind.doc.values()].sort((a, b) => rank(a) - rank(b) || compare(a.data.title, b.data.title));
      groups.push({ label: plural, collapsed: false, items: large ? [all] : docs.map(link) });
    } else {
      groups.push({
        label: plural,
        collapsed: place.secondary === true || elements.length > 12,
        items: large ? [all] : [all, ...elements.map(link)],
      });
    }
  }
  // Traceability traces requirements: without any, its page says so, and the sidebar does not offer it.
  const quality = fixed('Quality').filter((item) => item.link !== '/traceability/' || model.byKind.requirement.size > 0);
  groups.splice(1, 0, { label: 'Quality', collapsed: true, items: quality });
  if (settings.reference)
    groups.push({
      label: 'archsite reference',
      collapsed: true,
      items: REFERENCE_PAGES.map((page) => ({ label: page.label, link: page.route })),
    });
  return groups;
}
