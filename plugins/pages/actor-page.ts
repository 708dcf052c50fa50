import { keyOf } from '../model/model.ts';
import { bodyOf } from './body.ts';
import { callRows } from './call-rows.ts';
import { decisionsAbout } from './decisions.ts';
import { elementHead } from './page-meta.ts';
import type { Site } from './site.ts';
import { section, sectionHeadings, type CallRow, type DecisionItem, type PageHead, type PageSection } from './view.ts';

export interface ActorPage {
  readonly head: PageHead;
  readonly description?: string | undefined;
  /** An external system's own site. */
  readonly url?: string | undefined;
  readonly body?: string | undefined;
  /** Only the sections with something to show, in order. */
  readonly sections: readonly ActorSection[];
}

export type ActorSection =
  | PageSection<'uses' | 'used-by', { readonly calls: readonly CallRow[] }>
  | PageSection<'decisions', { readonly items: readonly DecisionItem[] }>;

/** The page of a person or an external system: what it uses, what uses it, what decided about it. */
export function actorPage(site: Site, kind: 'person' | 'system', id: string): ActorPage {
  const el = site.model.byKind[kind].get(id);
  if (!el) throw new Error(`archsite: no ${kind} "${id}"`);
  const d = el.data;
  const uses = callRows(site, site.model.relations.calls.get(keyOf(el)) ?? [], 'to');
  const usedBy = callRows(site, site.model.relations.callers.get(keyOf(el)) ?? [], 'from');
  const decisions = decisionsAbout(site, el);
  const sections: ActorSection[] = [
    ...section('uses', 'Uses', uses.length > 0, { calls: uses }),
    ...section('used-by', 'Used by', usedBy.length > 0, { calls: usedBy }),
    ...section('decisions', 'Decisions', decisions.length > 0, { items: decisions }),
  ];
  return {
    head: elementHead(site, el, d.name, d.description, sectionHeadings(sections)),
    description: d.description,
    url: 'url' in d && typeof d.url === 'string' ? d.url : undefined,
    body: bodyOf(el),
    sections,
  };
}
