import { RISK_LEVELS, type RiskStatus } from '../model/schemas/risk.ts';
import { compareNames, linkTo } from './links.ts';
import { RISK_STATUS_BADGE } from './risk-page.ts';
import { levelLabel, RATING_SCALE, riskRating } from './risk-levels.ts';
import { glossaryHref } from './glossary.ts';
import { reviewOf, type ReviewDate } from './reviews.ts';
import type { Site } from './site.ts';
import { elementHref } from './urls.ts';
import type { Badge, ElementLink, Link } from './view.ts';

export interface HeatMap {
  readonly impacts: readonly string[];
  readonly rows: readonly {
    readonly likelihood: string;
    readonly cells: readonly { readonly rating: Badge; readonly score: number; readonly risks: readonly Link[] }[];
  }[];
  /** How many risks it plots. */
  readonly count: number;
}

/** The statuses of a risk that is still open: not yet mitigated, nor closed. */
const OPEN: ReadonlySet<RiskStatus> = new Set(['open', 'mitigating', 'accepted']);

export interface RiskRegisterPage {
  readonly title: string;
  readonly description: string;
  /**
   * The heat maps: likelihood rows (very high first) × impact columns (very low first), of the
   * risks still open (open, mitigating, accepted) and of every risk; the page shows one, with a switch.
   */
  readonly heatMaps: { readonly open: HeatMap; readonly all: HeatMap };
  /** What each colour of the heat map and each rating means, from the most serious. */
  readonly legend: readonly { readonly rating: Badge; readonly scores: string }[];
  /** Where the glossary explains the rating. */
  readonly ratingHref: string;
  /** Every risk of the register, the most serious first. */
  readonly risks: readonly {
    readonly link: Link;
    readonly likelihood: string;
    readonly impact: string;
    readonly score: number;
    readonly rating: Badge;
    readonly status: Badge;
    readonly owner?: ElementLink | undefined;
    readonly review?: ReviewDate | undefined;
    readonly mitigation: string;
  }[];
  /** The risks recorded inside decisions (the technology decision template), each linked to its decision. */
  readonly decisionRisks: readonly { readonly risk: string; readonly mitigation: string; readonly decision: Link }[];
}

/** The risk register: a likelihood × impact heat map, every risk by seriousness, and the risks the decisions name. */
export function riskRegisterPage(site: Site): RiskRegisterPage {
  const { model, base } = site;
  const all = [...model.byKind.risk.values()];
  const risks = all
    .map((r) => {
      const { score, rating } = riskRating(r.data.likelihood, r.data.impact);
      const owner = model.relations.riskOwners.get(r.id);
      return {
        link: { text: r.data.title, href: elementHref(r, base) },
        likelihood: levelLabel(r.data.likelihood),
        impact: levelLabel(r.data.impact),
        score,
        rating,
        status: RISK_STATUS_BADGE[r.data.status]!,
        owner: owner && linkTo(site, owner),
        review: reviewOf(site, r),
        mitigation: r.data.mitigation,
      };
    })
    .sort((a, b) => b.score - a.score || compareNames(a.link.text, b.link.text));
  const heatMap = (plotted: readonly (typeof all)[number][]): HeatMap => ({
    impacts: RISK_LEVELS.map(levelLabel),
    rows: [...RISK_LEVELS].reverse().map((likelihood) => ({
      likelihood: levelLabel(likelihood),
      cells: RISK_LEVELS.map((impact) => ({
        ...riskRating(likelihood, impact),
        risks: plotted
          .filter((r) => r.data.likelihood === likelihood && r.data.impact === impact)
          .map((r) => ({ text: r.data.title, href: elementHref(r, base) })),
      })),
    })),
    count: plotted.length,
  });
  const decisionRisks = [...model.byKind.decision.values()].flatMap((d) =>
    (d.data.risks ?? []).map((r) => ({
      risk: r.risk,
      mitigation: r.mitigation ?? '',
      decision: { text: d.data.title, href: elementHref(d, base) },
    })),
  );
  return {
    title: 'Risks',
    description: `The risk register of ${model.system.data.name}: every risk, how likely and how bad, and what is done about it.`,
    heatMaps: { open: heatMap(all.filter((r) => OPEN.has(r.data.status))), all: heatMap(all) },
    legend: RATING_SCALE.map(({ rating, scores }) => ({ rating, scores })),
    ratingHref: glossaryHref('risk-rating', base),
    risks,
    decisionRisks,
  };
}
