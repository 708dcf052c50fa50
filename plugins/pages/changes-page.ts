import { kindInfo } from '../model/kinds.ts';
import type { Element } from '../model/model.ts';
import { displayName } from '../model/names.ts';
import type { FileChange, Site } from './site.ts';
import { elementHref } from './urls.ts';

export interface ChangeEntry {
  /** The element, linked while it exists; its file otherwise. */
  readonly element: { readonly text: string; readonly href?: string | undefined; readonly kind: string };
  readonly what: 'added' | 'removed' | 'changed';
  readonly details: readonly string[];
}

export interface ChangesPage {
  readonly title: string;
  readonly description: string;
  readonly note?: string | undefined;
  /** One entry per commit, newest first. */
  readonly commits: readonly {
    readonly date: string;
    readonly hash: string;
    readonly subject: string;
    readonly changes: readonly ChangeEntry[];
  }[];
}

/** The elements of the model by the file that holds them (several for a multi-document file). */
function byFile(site: Site): Map<string, Element[]> {
  const out = new Map<string, Element[]>();
  for (const el of site.model.elements) out.set(el.source.path, [...(out.get(el.source.path) ?? []), el]);
  return out;
}

/** What changed in the architecture, commit by commit, from git. */
export function changesPage(site: Site): ChangesPage {
  const files = byFile(site);
  const entry = (change: Site['history']['commits'][number]['changes'][number]): ChangeEntry[] => {
    const elements = files.get(change.path);
    if (!elements || change.what === 'removed')
      return [
        {
          element: { text: change.path.replace(/^[^/]+\//, '').replace(/\.(ya?ml|mdx?)$/i, ''), kind: kindInfo(change.kind).label },
          what: change.what,
          details: change.details,
        },
      ];
    return elements.map((el) => ({
      element: { text: displayName(el), href: elementHref(el, site.base), kind: kindInfo(el.kind).label },
      what: change.what,
      details: change.details,
    }));
  };
  return {
    title: 'What changed',
    description: `The history of ${site.model.system.data.name}'s architecture: what each commit added, removed and changed.`,
    note: site.history.note,
    commits: site.history.commits
      .map((c) => ({ date: c.date, hash: c.hash.slice(0, 7), subject: c.subject, changes: c.changes.flatMap(entry) }))
      .filter((c) => c.changes.length > 0),
  };
}

/** The commits that changed one element's file, newest first (at most `count`). */
export function elementChanges(site: Site, el: Element, count = 5): readonly FileChange[] {
  return (site.history.byPath.get(el.source.path) ?? []).slice(0, count);
}
