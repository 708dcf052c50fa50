import { kindInfo, KINDS, type ElementKind } from './kinds.ts';
import type { ElementRef, Model } from './model.ts';
import { DOCS_INDEX } from './doc-id.ts';

/**
 * Site routes, without the site's `base`. These are the contract's stable routes; the
 * site builds exactly these, and prose links are checked against them before any build.
 */
export function elementRoute(ref: ElementRef): string {
  // `docs/index.md` is the docs landing page.
  if (ref.kind === 'doc' && ref.id === DOCS_INDEX) return kindRoute('doc');
  return `/${kindInfo(ref.kind).folder}/${ref.id}/`;
}

export { DOCS_INDEX } from './doc-id.ts';

export function kindRoute(kind: ElementKind): string {
  return `/${kindInfo(kind).folder}/`;
}

/**
 * The pages that exist whatever the content, in the order the sidebar lists them: the one
 * table of them, which the check (prose links), the sidebar and the tests read. Each has its
 * template under src/pages/ (a test holds the two together).
 */
export const FIXED_PAGES = [
  { route: '/', label: 'Home', group: 'Overview' },
  { route: '/architecture/', label: 'Architecture', group: 'Overview' },
  { route: '/changes/', label: 'What changed', group: 'Overview' },
  { route: '/glossary/', label: 'Glossary', group: 'Overview' },
  { route: '/traceability/', label: 'Traceability', group: 'Quality' },
  { route: '/security/', label: 'Security overview', group: 'Quality' },
  { route: '/nfr/', label: 'NFRs and SLOs', group: 'Quality' },
  { route: '/scorecard/', label: 'Template scorecard', group: 'Quality' },
] as const;

/**
 * archsite's own documentation, in a site only when asked for (`ARCHSITE_REFERENCE=1`,
 * `npm run docs`): a user's site holds their architecture, not archsite's manual. Not
 * routes the content may link to.
 */
export const REFERENCE_PAGES = [
  { route: '/reference/content-model/', label: 'Content model', file: 'content-model' },
  { route: '/reference/checks/', label: 'Checks', file: 'checks' },
  { route: '/reference/diagrams/', label: 'Diagrams', file: 'diagrams' },
  { route: '/reference/security/', label: 'Security', file: 'security' },
  { route: '/reference/performance/', label: 'Performance', file: 'performance' },
] as const;

/** The authoring help page: in every site unless turned off (`ARCHSITE_HELP=0`). */
export const HELP_ROUTE = '/help/';

export const FIXED_ROUTES: readonly string[] = FIXED_PAGES.map((page) => page.route);

/** Every route of the site for this model. */
export function siteRoutes(model: Model): Set<string> {
  const routes = new Set<string>(FIXED_ROUTES);
  for (const { kind } of KINDS) routes.add(kindRoute(kind));
  for (const el of model.elements) routes.add(elementRoute(el));
  return routes;
}

/**
 * The route a site path names, or undefined when it names none: `/services/x` and
 * `/services/x/index.html` both name `/services/x/`.
 */
export function normalizeSitePath(pathname: string): string {
  let p = pathname.replace(/\/index\.html$/, '/');
  if (!p.endsWith('/') && !/\.[a-z0-9]+$/i.test(p)) p += '/';
  return p.replace(/\/{2,}/g, '/');
}

/**
 * The path of a link with its percent-escapes decoded, segment by segment (`%3F` is `?` in a
 * file name), or as written when they are malformed.
 */
export function decodeLinkPath(linkPath: string): string {
  try {
    return linkPath
      .split('/')
      .map((segment) => decodeURIComponent(segment))
      .join('/');
  } catch {
    return linkPath;
  }
}
