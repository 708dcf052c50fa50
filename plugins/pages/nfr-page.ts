import { betterDirection, normalize, parseMeasure } from '../model/measures.ts';
import { serviceDomain } from '../model/queries.ts';
import type { Cell, Column } from './index-tables.ts';
import { fieldLabel, slosText } from './labels.ts';
import { byText, linkTo } from './links.ts';
import type { Site } from './site.ts';
import type { ElementLink, Link } from './view.ts';
import { GLOSSARY, glossaryHref } from './glossary.ts';

export interface NfrPage {
  readonly title: string;
  readonly description: string;
  /** One sortable row per service: its NFRs, each in its own column, and its SLOs. */
  readonly table: { readonly columns: Column[]; readonly rows: Record<string, Cell | undefined>[]; readonly noun: string };
  /** Per domain: how many services state NFRs, and the weakest figure of each metric compared. */
  readonly domains: readonly {
    readonly domain: ElementLink;
    readonly services: number;
    readonly withNfr: number;
    readonly weakest: readonly { label: string; value: string; service: ElementLink }[];
  }[];
  /**
   * Said instead of the tables when no service states an NFR or an SLO: what to write to fill
   * the page. The tables, the domain roll-up and the list of services without NFRs are then empty.
   */
  readonly empty?: string | undefined;
  /** The terms the page uses, each linked to the glossary. */
  readonly terms: readonly Link[];
  /** Services that state no NFR at all. */
  readonly withoutNfr: readonly ElementLink[];
  /** Services that declare an availability target and no availability SLO. */
  readonly withoutSlo: readonly { readonly service: ElementLink; readonly availability: string }[];
}

/** The NFRs with a column of their own in the table, in this order. */
const COLUMNS = ['availability', 'latency_p99', 'latency_p95', 'throughput', 'error_rate', 'rpo', 'rto'] as const;

/** What is compared in the domain rollups: the weakest figure of each. */
const ROLLUP = ['availability', 'latency_p99', 'latency_p95', 'error_rate', 'rto', 'rpo'] as const;

/** Every service's non-functional requirements in one table, rolled up per domain, with what is missing. */
export function nfrPage(site: Site): NfrPage {
  const { model } = site;
  const services = [...model.byKind.service.values()];
  // The figures readers compare get a column each (when some service states them); the rest share one.
  const present = new Set(services.flatMap((s) => Object.keys(s.data.nfr ?? {})));
  const keys = COLUMNS.filter((key) => present.has(key));
  const nfrOf = (s: (typeof services)[number]) => (s.data.nfr ?? {}) as Record<string, string | undefined>;
  const sortValue = (text: string): string | number => {
    const m = parseMeasure(text);
    const n = m && normalize(m.value, m.unit);
    return n ? n.value : text.toLowerCase();
  };
  const rows = byText(
    services.map((s) => {
      const nfr = nfrOf(s);
      const domain = serviceDomain(model, s.id);
      const domainLink = domain ? linkTo(site, { kind: 'domain', id: domain }) : undefined;
      const service = linkTo(site, s)!;
      const row: Record<string, Cell | undefined> = {
        service: { text: service.text, href: service.href },
        domain: domainLink ? { text: domainLink.text, href: domainLink.href } : undefined,
        slos: { text: slosText(s.data.slos) },
      };
      for (const key of keys) {
        const value = Object.hasOwn(nfr, key) ? nfr[key] : undefined;
        row[`nfr-${key}`] = value === undefined ? undefined : { text: value, sort: sortValue(value) };
      }
      const others = Object.entries(nfr).filter(([key, value]) => !keys.includes(key as (typeof COLUMNS)[number]) && value !== undefined);
      row.other = others.length === 0 ? undefined : { text: others.map(([key, value]) => `${fieldLabel(key)}: ${value}`).join('; ') };
      return row;
    }),
    (r) => r.service!.text,
  );
  const domains = byText(
    [...model.byKind.domain.values()].flatMap((d) => {
      const members = services.filter((s) => serviceDomain(model, s.id) === d.id);
      if (members.length === 0) return [];
      const weakest = ROLLUP.flatMap((metric) => {
        const direction = betterDirection(metric)!;
        let worst: { value: number; text: string; service: ElementLink } | undefined;
        for (const s of members) {
          const raw = nfrOf(s)[metric];
          const m = raw && parseMeasure(raw);
          const n = m && normalize(m.value, m.unit);
          if (!n) continue;
          if (!worst || (direction === 'lower' ? n.value > worst.value : n.value < worst.value))
            worst = { value: n.value, text: raw!, service: linkTo(site, s)! };
        }
        return worst ? [{ label: fieldLabel(metric), value: worst.text, service: worst.service }] : [];
      });
      return [
        {
          domain: linkTo(site, d)!,
          services: members.length,
          withNfr: members.filter((s) => Object.keys(nfrOf(s)).length > 0).length,
          weakest,
        },
      ];
    }),
    (d) => d.domain.text,
  );
  const stated = services.some((s) => Object.keys(nfrOf(s)).length > 0 || (s.data.slos ?? []).length > 0);
  if (!stated)
    return {
      title: 'NFRs and SLOs',
      description: `The non-functional requirements and service level objectives of every service of ${model.system.data.name}.`,
      empty:
        services.length === 0
          ? 'There are no services yet: their non-functional requirements and SLOs will be compared here.'
          : 'No service states its non-functional requirements or SLOs yet. Write them in a service’s nfr (availability, p99 latency, RPO, RTO) and slos, and they are compared here.',
      table: { noun: 'service', columns: [], rows: [] },
      terms: nfrTerms(site),
      domains: [],
      withoutNfr: [],
      withoutSlo: [],
    };
  return {
    title: 'NFRs and SLOs',
    description: `The non-functional requirements and service level objectives of every service of ${model.system.data.name}.`,
    table: {
      noun: 'service',
      columns: [
        { key: 'service', label: 'Service' },
        { key: 'domain', label: 'Domain', filter: true },
        ...keys.map((key) => ({ key: `nfr-${key}`, label: fieldLabel(key) })),
        { key: 'other', label: 'Other' },
        { key: 'slos', label: 'SLOs' },
      ],
      rows,
    },
    domains,
    terms: nfrTerms(site),
    withoutNfr: byText(services.filter((s) => Object.keys(nfrOf(s)).length === 0).map((s) => linkTo(site, s)!)),
    withoutSlo: byText(
      services
        .filter((s) => nfrOf(s).availability !== undefined && !(s.data.slos ?? []).some((o) => o.indicator === 'availability'))
        .map((s) => ({ service: linkTo(site, s)!, availability: nfrOf(s).availability!, text: s.data.name })),
    ).map(({ service, availability }) => ({ service, availability })),
  };
}

/** The glossary's words for what the page shows. */
function nfrTerms(site: Site): Link[] {
  return ['nfr', 'availability', 'latency', 'rpo', 'rto', 'slo'].map((id) => ({
    text: GLOSSARY.find((t) => t.id === id)!.term,
    href: glossaryHref(id, site.base),
  }));
}
