import { adrNumber, displayName } from '../model/names.ts';
import { statusBadge } from './badges.ts';
import { bodyOf } from './body.ts';
import { decisionItems } from './decisions.ts';
import { fields } from './labels.ts';
import { linksTo } from './links.ts';
import { elementHead } from './page-meta.ts';
import { reviewOf, type ReviewDate } from './reviews.ts';
import type { Site } from './site.ts';
import {
  section,
  type Badge,
  type DecisionItem,
  type ElementLink,
  type Field,
  type Heading,
  type PageHead,
  type PageSection,
} from './view.ts';

export interface DecisionPage {
  readonly head: PageHead;
  /** `ADR 6`, from the number the file name starts with. */
  readonly number?: string | undefined;
  readonly status: Badge;
  readonly date: string;
  /** When it is looked at again, flagged when past. */
  readonly review?: ReviewDate | undefined;
  readonly deciders: readonly string[];
  readonly technology?: string | undefined;
  readonly supersedes: readonly DecisionItem[];
  readonly supersededBy: readonly DecisionItem[];
  /** In the order an ADR reads: only the sections with something to show. */
  readonly sections: readonly DecisionSection[];
}

export type DecisionSection =
  | PageSection<'purpose', { readonly text: string }>
  /** The ADR's prose (context, decision, consequences), under headings of its own: after the purpose, before the alternatives. */
  | PageSection<'prose', { readonly body: string; readonly headings: readonly Heading[] }>
  | PageSection<
      'alternatives',
      {
        readonly alternatives: readonly {
          readonly name: string;
          readonly description?: string | undefined;
          readonly pros: readonly string[];
          readonly cons: readonly string[];
        }[];
      }
    >
  /** The rationale as prose, or as the template's criteria. */
  | PageSection<'rationale', { readonly text?: string | undefined; readonly criteria: readonly Field[] }>
  | PageSection<'risks', { readonly risks: readonly { readonly risk: string; readonly mitigation: string }[] }>
  | PageSection<'affects', { readonly elements: readonly ElementLink[] }>;

/** The content path of a decision's prose, rendered before its page is laid out. */
export function decisionBody(site: Site, id: string): string | undefined {
  const el = site.model.byKind.decision.get(id);
  return el && bodyOf(el);
}

const list = (v: string | readonly string[] | undefined): readonly string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : v);

/**
 * A decision's page, in the order an ADR reads: what it is for, the context and the
 * decision (its prose), then the alternatives weighed, why this one, its risks, and what it shapes.
 */
export function decisionPage(site: Site, id: string, bodyHeadings: readonly Heading[] = []): DecisionPage {
  const el = site.model.byKind.decision.get(id);
  if (!el) throw new Error(`archsite: no decision "${id}"`);
  const d = el.data;
  const n = adrNumber(id);
  const affects = linksTo(site, site.model.relations.affects.get(id) ?? []);
  const rationale =
    d.rationale === undefined
      ? undefined
      : typeof d.rationale === 'string'
        ? { text: d.rationale, criteria: [] }
        : { criteria: fields(d.rationale) };
  const body = bodyOf(el);
  const sections: DecisionSection[] = [
    ...(d.purpose ? section('purpose', 'Purpose', true, { text: d.purpose }) : []),
    ...(body ? section('prose', '', true, { body, headings: bodyHeadings }) : []),
    ...section('alternatives', 'Alternatives considered', !!d.alternatives?.length, {
      alternatives: (d.alternatives ?? []).map((a) => ({
        name: a.name,
        description: a.description,
        pros: list(a.pros),
        cons: list(a.cons),
      })),
    }),
    ...(rationale ? section('rationale', 'Selection rationale', true, rationale) : []),
    ...section('risks', 'Risks', !!d.risks?.length, {
      risks: (d.risks ?? []).map((r) => ({ risk: r.risk, mitigation: r.mitigation ?? '' })),
    }),
    ...section('affects', 'Affects', affects.length > 0, { elements: affects }),
  ];
  // The prose is no section of its own: its headings stand among the page's.
  const headings = sections.flatMap((s) => (s.id === 'prose' ? s.headings : [{ id: s.id, title: s.title }]));
  return {
    head: elementHead(site, el, d.title, d.purpose, headings),
    number: n === undefined ? undefined : `ADR ${n}`,
    status: statusBadge(d.status),
    date: d.date,
    review: reviewOf(site, el),
    // Deciders are names or roles; one that is a team's or a person's id is shown by that one's name.
    deciders: (d.deciders ?? []).map((who) => {
      const el = site.model.byKind.team.get(who) ?? site.model.byKind.person.get(who);
      return el ? displayName(el) : who;
    }),
    technology: d.technology,
    supersedes: decisionItems(site, d.supersedes ?? []),
    supersededBy: decisionItems(site, site.model.relations.supersededBy.get(id) ?? []),
    sections,
  };
}
