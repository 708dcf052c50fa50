import { bodyOf } from './body.ts';
import { linkTo, linksTo } from './links.ts';
import { elementHead } from './page-meta.ts';
import { levelLabel, riskRating } from './risk-levels.ts';
import { reviewOf, type ReviewDate } from './reviews.ts';
import type { Site } from './site.ts';
import { section, sectionHeadings, type Badge, type ElementLink, type PageHead, type PageSection } from './view.ts';

export interface RiskPage {
  readonly head: PageHead;
  readonly rating: Badge;
  readonly score: number;
  readonly likelihood: string;
  readonly impact: string;
  readonly status: Badge;
  readonly description?: string | undefined;
  readonly body?: string | undefined;
  readonly owner?: ElementLink | undefined;
  readonly review?: ReviewDate | undefined;
  /** Only the sections with something to show, in order. */
  readonly sections: readonly RiskSection[];
}

export type RiskSection =
  PageSection<'mitigation', { readonly mitigation: string }> | PageSection<'affects', { readonly elements: readonly ElementLink[] }>;

export const RISK_STATUS_BADGE: Readonly<Record<string, Badge>> = {
  open: { text: 'open', variant: 'caution' },
  mitigating: { text: 'mitigating', variant: 'note' },
  mitigated: { text: 'mitigated', variant: 'success' },
  accepted: { text: 'accepted', variant: 'default' },
  closed: { text: 'closed', variant: 'default' },
};

export function riskPage(site: Site, id: string): RiskPage {
  const el = site.model.byKind.risk.get(id);
  if (!el) throw new Error(`archsite: no risk "${id}"`);
  const d = el.data;
  const { score, rating } = riskRating(d.likelihood, d.impact);
  const owner = site.model.relations.riskOwners.get(id);
  const affects = linksTo(site, site.model.relations.riskAffects.get(id) ?? []);
  const sections: RiskSection[] = [
    ...section('mitigation', 'Mitigation', true, { mitigation: d.mitigation }),
    ...section('affects', 'Affects', affects.length > 0, { elements: affects }),
  ];
  return {
    head: elementHead(site, el, d.title, d.description, sectionHeadings(sections)),
    rating,
    score,
    likelihood: levelLabel(d.likelihood),
    impact: levelLabel(d.impact),
    status: RISK_STATUS_BADGE[d.status]!,
    description: d.description,
    body: bodyOf(el),
    owner: owner && linkTo(site, owner),
    review: reviewOf(site, el),
    sections,
  };
}
