import type { Field } from './view.ts';

/** Human labels for the service template's keys (`latency_p99` → `p99 latency`). */
const KNOWN: ReadonlyMap<string, string> = new Map(
  Object.entries({
    latency_p50: 'p50 latency',
    latency_p90: 'p90 latency',
    latency_p95: 'p95 latency',
    latency_p99: 'p99 latency',
    rpo: 'Recovery point objective (RPO)',
    rto: 'Recovery time objective (RTO)',
    error_rate: 'Error rate',
    cpu: 'CPU',
    ui: 'UI library',
    state: 'State management',
    build: 'Build tool',
    health: 'Health check',
    containerized: 'Containerized',
    team_expertise: 'Team expertise',
    community_support: 'Community support',
    vendor_lock_in: 'Vendor lock-in',
  }),
);

/** A key as a person reads it. Keys come from content (`valueOf`, `constructor`): looked up in a Map. */
export function fieldLabel(key: string): string {
  const known = KNOWN.get(key);
  if (known) return known;
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The entries of a template mapping, labelled, in the order written. */
export function labelled(record: object | undefined): [string, string | number | boolean | readonly string[] | undefined][] {
  if (!record) return [];
  return Object.entries(record).map(([key, value]) => [
    fieldLabel(key),
    value as string | number | boolean | readonly string[] | undefined,
  ]);
}

/** A template mapping's entries that have a value, labelled and written as text, in the order written. */
export function fields(record: object | undefined): Field[] {
  return labelled(record).flatMap(([label, value]) => {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return [];
    const text = typeof value === 'boolean' ? (value ? 'Yes' : 'No') : Array.isArray(value) ? value.join(', ') : String(value);
    return [{ label, value: text }];
  });
}

/** A service's SLOs in a line: "Availability: 99.9% over 30d; Latency: p99 under 200ms over 30d". */
export function slosText(slos: readonly { indicator: string; objective: string; window?: string | undefined }[] | undefined): string {
  return (slos ?? []).map((o) => `${fieldLabel(o.indicator)}: ${o.objective}${o.window ? ` over ${o.window}` : ''}`).join('; ');
}
