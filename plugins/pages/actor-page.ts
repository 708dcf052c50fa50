import { keyOf } from '../model/model.ts';
import { bodyOf } from './body.ts';
import { callRows } from './call-rows.ts';
import { decisionsAbout } from './decisions.ts';
import { elementHead } from './page-meta.ts';
import type { Site } from './site.ts';
import { shownHeadings, type CallRow, type DecisionItem, type PageHead } from './view.ts';

export interface ActorPage {
  readonly head: PageHead;
  readonly description?: string | undefined;
  /** An external system's own site. */
  readonly url?: string | undefined;
  readonly body?: string | undefined;
  readonly uses: readonly CallRow[];
  readonly usedBy: readonly CallRow[];
  readonly decisions: readonly DecisionItem[];
}

/** The page of a person or an external system: what it uses, what uses it, what decided about it. */
export function actorPage(site: Site, kind: 'person' | 'system', id: string): ActorPage {
  const el = site.model.byKind[kind].get(id);
  if (!el) throw new Error(`archsite: no ${kind} "${id}"`);
  const d = el.data;
  const uses = callRows(site, site.model.relations.calls.get(keyOf(el)) ?? [], 'to');
  const usedBy = callRows(site, site.model.relations.callers.get(keyOf(el)) ?? [], 'from');
  const decisions = decisionsAbout(site, el);
  const headings = shownHeadings([
    ['uses', 'Uses', uses.length > 0],
    ['used-by', 'Used by', usedBy.length > 0],
    ['decisions', 'Decisions', decisions.length > 0],
  ]);
  return {
    head: elementHead(site, el, d.name, d.description, headings),
    description: d.description,
    url: 'url' in d && typeof d.url === 'string' ? d.url : undefined,
    body: bodyOf(el),
    uses,
    usedBy,
    decisions,
  };
}
