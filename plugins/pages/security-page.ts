import { serviceDomain } from '../model/queries.ts';
import { byText, linkTo } from './links.ts';
import type { Site } from './site.ts';
import { elementHref, kindHref } from './urls.ts';
import type { ElementLink, Link } from './view.ts';

/** The columns of the overview: the service template's security fields. */
export const SECURITY_FIELDS = [
  ['authentication', 'Authentication'],
  ['authorization', 'Authorization'],
  ['encryption', 'Encryption'],
  ['secrets', 'Secrets'],
  ['audit', 'Audit'],
  ['compliance', 'Compliance'],
] as const;

export interface SecurityPage {
  readonly title: string;
  readonly description: string;
  readonly columns: readonly string[];
  /** The services that declare their security, side by side: a row of dashes says nothing a reader needs. */
  readonly rows: readonly {
    readonly service: ElementLink;
    readonly domain?: ElementLink | undefined;
    readonly cells: readonly string[];
  }[];
  /** The services that declare no security at all, named once. */
  readonly undeclared: readonly ElementLink[];
  readonly roles?: Link | undefined;
  /** The flows (authentication and others), by title. */
  readonly flows: readonly Link[];
}

const text = (value: unknown): string =>
  value === undefined ? '' : typeof value === 'boolean' ? (value ? 'Yes' : 'No') : Array.isArray(value) ? value.join(', ') : String(value);

/** The security sections of the services that declare one, side by side, and the services that declare none. */
export function securityPage(site: Site): SecurityPage {
  const { model, base } = site;
  const all = byText(
    [...model.byKind.service.values()].map((s) => {
      const security = (s.data.security ?? {}) as Record<string, unknown>;
      const cells = SECURITY_FIELDS.map(([key]) => (Object.hasOwn(security, key) ? text(security[key]) : ''));
      const domain = serviceDomain(model, s.id);
      return {
        service: linkTo(site, s)!,
        domain: domain ? linkTo(site, { kind: 'domain', id: domain }) : undefined,
        cells,
        declared: cells.some((c) => c !== ''),
      };
    }),
    (r) => r.service.text,
  );
  return {
    title: 'Security overview',
    description: `How each service of ${model.system.data.name} authenticates, authorizes, encrypts and keeps its secrets.`,
    columns: SECURITY_FIELDS.map(([, title]) => title),
    rows: all.filter((r) => r.declared).map(({ service, domain, cells }) => ({ service, domain, cells })),
    undeclared: all.filter((r) => !r.declared).map((r) => r.service),
    roles: model.byKind.role.size > 0 ? { text: 'The permission matrix of every role', href: kindHref('role', base) } : undefined,
    flows: byText([...model.byKind.flow.values()].map((f) => ({ text: f.data.title, href: elementHref(f, base) }))),
  };
}
