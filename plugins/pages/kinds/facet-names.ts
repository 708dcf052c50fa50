import { serviceDomain } from '../../model/queries.ts';
import type { ElementRef } from '../../model/model.ts';
import type { Site } from '../site.ts';

/** A domain's name, for a facet; undefined for no domain. */
export function domainName(site: Site, id: string | undefined): string | undefined {
  return id ? site.model.byKind.domain.get(id)?.data.name : undefined;
}

/** A team's name, for a facet; undefined for no team. */
export function teamName(site: Site, id: string | undefined): string | undefined {
  return id ? site.model.byKind.team.get(id)?.data.name : undefined;
}

/** The domain an element is in: a domain's own, a service's; none for other kinds. */
export function domainOfRef(site: Site, ref: ElementRef): string | undefined {
  return ref.kind === 'service'
    ? domainName(site, serviceDomain(site.model, ref.id))
    : ref.kind === 'domain'
      ? domainName(site, ref.id)
      : undefined;
}
