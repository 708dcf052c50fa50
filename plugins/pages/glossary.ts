import type { Site } from './site.ts';
import { withBase } from './urls.ts';
import { byText } from './links.ts';
import type { Field } from './view.ts';

/** A term stakeholders meet on the site, and what it means. */
export interface GlossaryTerm {
  /** Its anchor on the glossary page: `/glossary/#bounded-context`. */
  readonly id: string;
  readonly term: string;
  readonly definition: string;
  /** The labels that name it on the site's pages (`p99 latency`), matched whole. */
  readonly labels?: readonly string[];
}

/** The terms: what the site's pages, badges and tables say without explaining. */
export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    id: 'adr',
    term: 'Architecture decision record (ADR)',
    definition:
      'A short record of one decision: its context, what was decided, the options weighed and the consequences. Never edited once accepted; a newer decision supersedes it.',
  },
  {
    id: 'availability',
    term: 'Availability',
    definition: 'The share of time a service answers as it should, such as 99.9% (about 43 minutes down a month).',
    labels: ['Availability'],
  },
  {
    id: 'bounded-context',
    term: 'Bounded context',
    definition:
      'A part of the system within which every term has one meaning and one model of the data: here, a domain. Services of one domain share its language; between domains, data is translated.',
  },
  {
    id: 'broker',
    term: 'Broker',
    definition:
      'The messaging system that carries events from the services that publish them to those that consume them, such as Kafka or RabbitMQ.',
    labels: ['Broker'],
  },
  {
    id: 'container',
    term: 'Container (C4)',
    definition:
      'In the C4 model, something that runs or stores data on its own: a service, a web or mobile app, a database, a queue. Not a Docker container, though it often runs in one.',
  },
  {
    id: 'core-domain',
    term: 'Core domain',
    definition: 'A domain where the business sets itself apart from others: where the best people and most care go.',
  },
  {
    id: 'event',
    term: 'Event',
    definition:
      'A message that says something happened (an order was placed), published by one service and consumed by any that care, without either calling the other.',
  },
  {
    id: 'generic-domain',
    term: 'Generic domain',
    definition:
      'A domain every business of the kind needs and none is set apart by, such as identity or payments: often bought or taken off the shelf.',
  },
  {
    id: 'latency',
    term: 'p99 latency',
    definition:
      'How long the slowest of the fastest 99% of requests take: 99 requests in 100 answer at least this fast. p95 and p50 (the median) read the same way.',
    labels: ['p50 latency', 'p90 latency', 'p95 latency', 'p99 latency'],
  },
  {
    id: 'nfr',
    term: 'Non-functional requirement (NFR)',
    definition: 'A requirement on how well the system does its work (how fast, how available, how secure) rather than on what it does.',
  },
  {
    id: 'risk-rating',
    term: 'Risk rating',
    definition:
      'How serious a risk is: its likelihood times its impact, each from very low (1) to very high (5). Low 1–3, medium 4–7, high 8–14, critical 15–25.',
  },
  {
    id: 'rpo',
    term: 'Recovery point objective (RPO)',
    definition:
      'How much recent data may be lost in a disaster, as a time: an RPO of 5 minutes means at most the last 5 minutes of changes.',
    labels: ['Recovery point objective (RPO)', 'RPO'],
  },
  {
    id: 'rto',
    term: 'Recovery time objective (RTO)',
    definition: 'How long the service may be down after a disaster before it must run again.',
    labels: ['Recovery time objective (RTO)', 'RTO'],
  },
  {
    id: 'review',
    term: 'Review date',
    definition:
      'When a risk or a decision is looked at again. Once it has passed, the site flags the review as overdue until someone sets the next date.',
  },
  {
    id: 'sla',
    term: 'Service level agreement (SLA)',
    definition: 'A promise to customers, with consequences if it is broken; set looser than the SLOs that keep it.',
    labels: ['SLA'],
  },
  {
    id: 'slo',
    term: 'Service level objective (SLO)',
    definition:
      'A target a team sets itself for a measured indicator (an SLI) over a window, such as "99.9% of requests succeed over 30 days". The room left under it is the error budget.',
    labels: ['SLO', 'SLOs'],
  },
  {
    id: 'supporting-domain',
    term: 'Supporting domain',
    definition: 'A domain the core needs and the business must get right, but which does not set it apart.',
  },
];

/** The terms by the labels that name them. */
const BY_LABEL: ReadonlyMap<string, GlossaryTerm> = new Map(
  GLOSSARY.flatMap((t) => (t.labels ?? []).map((label) => [label.toLowerCase(), t])),
);

/**
 * Links the first use of each term on a page to the glossary: the page makes one and passes
 * it its labels in the order they appear. It answers where a label's term is explained the
 * first time the term comes, and nothing after.
 */
export function firstUses(base: string): (label: string) => string | undefined {
  const linked = new Set<string>();
  return (label) => {
    const term = BY_LABEL.get(label.toLowerCase());
    if (!term || linked.has(term.id)) return undefined;
    linked.add(term.id);
    return glossaryHref(term.id, base);
  };
}

/** The fields with the first use of each term linked (see `firstUses`). */
export function withTerms(fields: readonly Field[], term: (label: string) => string | undefined): Field[] {
  return fields.map((f) => {
    const href = term(f.label);
    return href ? { ...f, term: href } : f;
  });
}

/** Where a term is explained. */
export function glossaryHref(id: string, base: string): string {
  return withBase(`/glossary/#${id}`, base);
}

/** The glossary page: every term, alphabetically, each with its anchor. */
export function glossaryPage(site: Site): { title: string; description: string; terms: readonly GlossaryTerm[] } {
  return {
    title: 'Glossary',
    description: `The terms used across the documentation of ${site.model.system.data.name}, in plain words.`,
    terms: byText(GLOSSARY, (entry) => entry.term),
  };
}
