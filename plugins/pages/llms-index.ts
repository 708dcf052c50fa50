import { kindInfo, KIND_NAMES } from '../model/kinds.ts';
import { displayName } from '../model/names.ts';
import { pageKind } from './kinds.ts';
import { OVERVIEW_PAGES } from './overviews.ts';
import type { Site } from './site.ts';
import { elementHref, withBase } from './urls.ts';
import type { PageHead } from './view.ts';

/**
 * The architecture as an index for language models (`/llms.txt`, see llmstxt.org): the system,
 * then every element, kind by kind, each linked to its page with what its page says of it
 * (its description, where it stands, its domain and team). Read from the page functions, as
 * the site's pages are: no second source.
 */
export interface LlmsIndex {
  readonly title: string;
  readonly summary?: string | undefined;
  /** Where the whole model is as JSON, and the site's own overviews. */
  readonly overviews: readonly LlmsEntry[];
  /** A section a kind that has elements, in the registry's order of kinds; elements by id. */
  readonly sections: readonly { readonly title: string; readonly entries: readonly LlmsEntry[] }[];
}

export interface LlmsEntry {
  readonly text: string;
  /** Under the site's base. */
  readonly href: string;
  readonly description?: string | undefined;
  /** What it is beside its kind, as the page's facets and badge say: `domain: Ordering`, `planned`. */
  readonly notes: readonly string[];
}

/** Facets said of an entry, in this order; the kind is its section's. */
const NOTED_FACETS = ['domain', 'team', 'status'];

export function llmsIndex(site: Site): LlmsIndex {
  const system = site.model.system.data;
  const overviews: LlmsEntry[] = [...OVERVIEW_PAGES].flatMap(([route, page]) => {
    if (route === '/') return [];
    const shown = page(site) as { title?: unknown; description?: unknown };
    const text = typeof shown.title === 'string' ? shown.title : route;
    const description = typeof shown.description === 'string' ? shown.description : undefined;
    return [{ text, href: withBase(route, site.base), description, notes: [] }];
  });
  overviews.push({
    text: 'The model as JSON',
    href: withBase('/model.json', site.base),
    description: 'Every element with its fields and resolved relations.',
    notes: [],
  });
  const sections = KIND_NAMES.flatMap((kind) => {
    const elements = [...site.model.byKind[kind].values()];
    if (elements.length === 0) return [];
    const entries = elements.map((el): LlmsEntry => {
      const head = (pageKind(kind).page(site, el.id) as { head?: PageHead }).head;
      // A docs page is the writer's own Markdown, laid out by the site's shell: its title and description as written.
      if (head === undefined) {
        const description = (el.data as { description?: unknown }).description;
        return {
          text: displayName(el),
          href: elementHref(el, site.base),
          description: typeof description === 'string' ? description : undefined,
          notes: [],
        };
      }
      const facets = NOTED_FACETS.flatMap((name) =>
        // A team is not said to be of its own team, nor a domain of its own domain.
        head.facets.filter((f) => f.name === name && f.value !== head.title).map((f) => `${name}: ${f.value}`),
      );
      const state = head.lifecycle
        ? [head.lifecycle.badge.text, ...(head.lifecycle.replacedBy ? [`replaced by ${head.lifecycle.replacedBy.text}`] : [])]
        : [];
      return { text: head.title, href: elementHref(el, site.base), description: head.description, notes: [...state, ...facets] };
    });
    return [{ title: kindInfo(kind).plural, entries }];
  });
  return { title: system.name, summary: system.description, overviews, sections };
}
