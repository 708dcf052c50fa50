import { readsField } from '../model/contract-breaks.ts';
import { contractText } from '../model/contract-versions.ts';
import { fieldsRead } from '../model/queries.ts';
import { lineDiff, type DiffLine } from '../model/line-diff.ts';
import { commitUrl } from './edit-links.ts';
import type { Site } from './site.ts';

/** A contract's versions as its page shows them (see model/contract-versions.ts). */
export interface VersionsView {
  /** Newest first. */
  readonly rows: readonly VersionRow[];
  /** Each version's schema as text, by version: what the reader's choice of two is compared on. */
  readonly texts: readonly { readonly version: string; readonly text: string }[];
  /** The diff shown first (and without script): the newest version against the one before it. */
  readonly from: string;
  readonly to: string;
  readonly diff: readonly DiffLine[];
  readonly lang: 'json' | 'yaml';
}

export interface VersionRow {
  readonly version: string;
  readonly current: boolean;
  /** When the version first appeared in git (YYYY-MM-DD); none where it is not committed yet. */
  readonly since?: string | undefined;
  /** The newest commit that held it, short, and its page where the repository is known. */
  readonly commit?: string | undefined;
  readonly commitHref?: string | undefined;
  /** What it breaks of the version before it, in the contract's words. */
  readonly breaks: readonly string[];
}

/**
 * The versions of the contract of the element `key` (`event:order.created`, `service:orders`),
 * from git (site.history.versions); undefined where it has had only one. Schemas are shown as
 * `lang` writes them, so that the diff of two is a diff of what changed, not of formatting.
 */
export function versionsView(site: Site, key: string, lang: 'json' | 'yaml'): VersionsView | undefined {
  const versions = site.history.versions.get(key);
  if (versions === undefined || versions.length < 2) return undefined;
  const texts = versions.map((v) => ({ version: v.version, text: contractText(v.schema, lang) }));
  return {
    rows: versions.map((v) => ({
      version: v.version,
      current: v.current,
      since: v.since,
      commit: v.commit?.slice(0, 7),
      commitHref: v.commit ? commitUrl(site, v.commit) : undefined,
      breaks: key.startsWith('event:') ? v.breaks.map((b) => withReaders(site, key.slice('event:'.length), b)) : v.breaks,
    })),
    texts,
    from: texts[1]!.version,
    to: texts[0]!.version,
    diff: lineDiff(texts[1]!.text, texts[0]!.text),
    lang,
  };
}

/**
 * A field removed, said with who reads it of the event's consumers now: those that list it
 * (`consumes: [{ event, fields }]`) or do not say what they read; "no consumer reads it" where none.
 */
function withReaders(site: Site, event: string, change: string): string {
  const removed = /^field '(.*)' removed$/.exec(change)?.[1];
  if (removed === undefined) return change;
  const consumers = site.model.relations.consumers.get(event) ?? [];
  const readers = consumers.filter((id) => {
    const service = site.model.byKind.service.get(id);
    const reads = service && fieldsRead(service.data, event);
    return reads === undefined || reads.some((field) => readsField(field, removed));
  });
  if (consumers.length === 0) return change;
  return readers.length === 0 ? `${change}: no consumer reads it` : `${change}: read by ${readers.join(', ')}`;
}
