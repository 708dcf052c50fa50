import { posix } from 'node:path';
import { kindInfo } from '../model/kinds.ts';
import type { Element } from '../model/model.ts';
import { displayName } from '../model/names.ts';
import type { FileChange, Site } from './site.ts';
import { elementHref } from './urls.ts';

export interface ChangeEntry {
  /** The element, linked while it exists; its file otherwise. */
  readonly element: { readonly text: string; readonly href?: string | undefined; readonly kind: string };
  readonly what: 'added' | 'removed' | 'renamed' | 'changed';
  readonly details: readonly string[];
}

export interface ChangesPage {
  readonly title: string;
  readonly description: string;
  readonly note?: string | undefined;
  /** The commits that changed the architecture, by day (newest first), each commit newest first. */
  readonly days: readonly { readonly date: string; readonly commits: readonly ChangeCommit[] }[];
}

export interface ChangeCommit {
  readonly date: string;
  readonly hash: string;
  readonly subject: string;
  readonly changes: readonly ChangeEntry[];
}

/**
 * The files elements name (an event's JSON Schema, a service's API description), by content
 * path, with the elements that name them: a change to one is a change to them.
 */
function namedFiles(site: Site): Map<string, Element[]> {
  const out = new Map<string, Element[]>();
  const add = (el: Element, file: string | undefined) => {
    if (!file || /^[a-z][a-z0-9+.-]*:/i.test(file)) return;
    const at = posix.normalize(posix.join(posix.dirname(el.source.path), file));
    out.set(at, [...(out.get(at) ?? []), el]);
  };
  for (const ev of site.model.byKind.event.values()) add(ev, typeof ev.data.schema === 'string' ? ev.data.schema : undefined);
  for (const sv of site.model.byKind.service.values())
    for (const type of ['openapi', 'proto', 'graphql'] as const) add(sv, sv.data.apis?.[type]);
  return out;
}

const FILE_NOUN = { event: 'schema', service: 'API description' } as const;

/** The elements of the model by the file that holds them (several for a multi-document file). */
function byFile(site: Site): Map<string, Element[]> {
  const out = new Map<string, Element[]>();
  for (const el of site.model.elements) out.set(el.source.path, [...(out.get(el.source.path) ?? []), el]);
  return out;
}

/** What changed in the architecture, commit by commit, from git. */
export function changesPage(site: Site): ChangesPage {
  const files = byFile(site);
  const named = namedFiles(site);
  const entry = (change: Site['history']['commits'][number]['changes'][number]): ChangeEntry[] => {
    const users = files.has(change.path) ? undefined : named.get(change.path);
    if (users)
      return users.map((el) => ({
        element: { text: displayName(el), href: elementHref(el, site.base), kind: kindInfo(el.kind).label },
        what: 'changed',
        details: [`its ${FILE_NOUN[el.kind as keyof typeof FILE_NOUN] ?? 'file'} (${posix.basename(change.path)}) ${change.what}`],
      }));
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
    days: byDay(
      site.history.commits
        .map((c) => ({ date: c.date, hash: c.hash.slice(0, 7), subject: c.subject, changes: c.changes.flatMap(entry) }))
        .filter((c) => c.changes.length > 0),
    ),
  };
}

/** Commits grouped by their day, in the order given (newest first). */
function byDay(commits: readonly ChangeCommit[]): { date: string; commits: ChangeCommit[] }[] {
  const days: { date: string; commits: ChangeCommit[] }[] = [];
  for (const commit of commits) {
    const last = days.at(-1);
    if (last?.date === commit.date) last.commits.push(commit);
    else days.push({ date: commit.date, commits: [commit] });
  }
  return days;
}

/** The commits that changed one element's file, newest first (at most `count`). */
export function elementChanges(site: Site, el: Element, count = 5): readonly FileChange[] {
  return (site.history.byPath.get(el.source.path) ?? []).slice(0, count);
}
