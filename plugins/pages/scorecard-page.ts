import { completeness, TEMPLATE_SECTIONS } from '../model/scorecard.ts';
import { serviceDomain } from '../model/queries.ts';
import { byText, compareNames, linkTo } from './links.ts';
import type { Site } from './site.ts';
import type { ElementLink } from './view.ts';

export interface ScorecardPage {
  readonly title: string;
  readonly description: string;
  readonly sections: readonly string[];
  /** Every service, the least complete first. */
  readonly services: readonly {
    readonly service: ElementLink;
    readonly percent: number;
    readonly filled: readonly boolean[];
    readonly missing: readonly string[];
  }[];
  readonly domains: readonly { readonly group: ElementLink; readonly services: number; readonly average: number }[];
  readonly teams: readonly { readonly group: ElementLink; readonly services: number; readonly average: number }[];
  /** The average over every service. */
  readonly average: number;
}

const mean = (values: readonly number[]) => (values.length === 0 ? 0 : Math.round(values.reduce((a, b) => a + b, 0) / values.length));

/** How much of the service design template each service fills, and the averages per domain and team. */
export function scorecardPage(site: Site): ScorecardPage {
  const { model } = site;
  const services = [...model.byKind.service.values()].map((s) => ({ el: s, score: completeness(s, model), link: linkTo(site, s)! }));
  const rollup = (key: (s: (typeof services)[number]) => string | undefined, kind: 'domain' | 'team') => {
    const groups = new Map<string, number[]>();
    for (const s of services) {
      const id = key(s);
      if (id !== undefined) groups.set(id, [...(groups.get(id) ?? []), s.score.percent]);
    }
    return byText(
      [...groups].flatMap(([id, scores]) => {
        const group = linkTo(site, { kind, id });
        return group ? [{ group, services: scores.length, average: mean(scores) }] : [];
      }),
      (g) => g.group.text,
    );
  };
  return {
    title: 'Template scorecard',
    description: `How much of the service design template each service of ${model.system.data.name} fills.`,
    sections: TEMPLATE_SECTIONS.map((s) => s.title),
    services: services
      .map((s) => ({
        service: s.link,
        percent: s.score.percent,
        filled: TEMPLATE_SECTIONS.map((section) => s.score.filled.includes(section.title)),
        missing: s.score.missing,
      }))
      .sort((a, b) => a.percent - b.percent || compareNames(a.service.text, b.service.text)),
    domains: rollup((s) => serviceDomain(model, s.el.id), 'domain'),
    teams: rollup((s) => s.el.data.owner, 'team'),
    average: mean(services.map((s) => s.score.percent)),
  };
}
