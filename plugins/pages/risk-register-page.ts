import { RISK_LEVELS, type RiskLevel } from '../model/schemas/risk.ts';
import { linkTo } from './links.ts';
import { RISK_STATUS_BADGE } from './risk-page.ts';
import { levelLabel, riskRating } from './risk-levels.ts';
import type { Site } from './site.ts';
import { elementHref } from './urls.ts';
import type { Badge, ElementLink, Link } from './view.ts';

export interface RiskRegisterPage {
  readonly title: string;
  readonly description: string;
  /** The heat map: likelihood rows (very high first) × impact columns (very low first). */
  readonly heatMap: {
    readonly impacts: readonly string[];
    readonly rows: readonly {
      readonly likelihood: string;
      readonly cells: readonly { readonly rating: Badge; readonly score: number; readonly risks: readonly Link[] }[];
    }[];
  };
  /** Every risk of the register, the most serious first. */
  readonly risks: readonly {
    readonly link: Link;
    readonly likelihood: string;
    readonly impact: string;
    readonly score: number;
    readonly rating: Badge;
    readonly status: Badge;
    readonly owner?: ElementLink | undefined;
    readonly review?: string | undefined;
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
        review: r.data.review,
        mitigation: r.data.mitigation,
      };
    })
    .sort((a, b) => b.score - a.score || a.link.text.localeCompare(b.link.text));
  const cell = (likelihood: RiskLevel, impact: RiskLevel) => ({
    ...riskRating(likelihood, impact),
    risks: all
      .filter((r) => r.data.likelihood === likelihood && r.data.impact === impact && r.data.status !== 'closed')
      .map((r) => ({ text: r.data.title, href: elementHref(r, base) })),
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
    heatMap: {
      impacts: RISK_LEVELS.map(levelLabel),
      rows: [...RISK_LEVELS].reverse().map((likelihood) => ({
        likelihood: levelLabel(likelihood),
        cells: RISK_LEVELS.map((impact) => cell(likelihood, impact)),
      })),
    },
    risks,
    decisionRisks,
  };
}
