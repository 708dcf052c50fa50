import { serviceDomain } from '../../model/queries.ts';
import { eventPage } from '../event-page.ts';
import { definePageKind } from './define.ts';
import { domainName, teamName } from './facet-names.ts';

export const eventPages = definePageKind<'event'>({
  page: eventPage,
  index: {
    table: (site, events, c) => ({
      noun: 'event',
      columns: [
        { key: 'id', label: 'Event' },
        { key: 'name', label: 'Name' },
        { key: 'domain', label: 'Domain', filter: true },
        { key: 'channel', label: 'Channel', filter: true },
        { key: 'producers', label: 'Producers' },
        { key: 'consumers', label: 'Consumers' },
      ],
      rows: events.map((e) => {
        const producers = site.model.relations.producers.get(e.id) ?? [];
        const domains = [...new Set(producers.map((p) => serviceDomain(site.model, p)).filter((d): d is string => !!d))];
        return {
          id: { text: e.id, href: c.name(e).href, code: true },
          name: c.text(e.data.name),
          domain: c.links(domains.map((id) => ({ kind: 'domain' as const, id }))),
          channel: c.text(e.data.channel),
          producers: c.services(producers),
          consumers: c.services(site.model.relations.consumers.get(e.id) ?? []),
        };
      }),
    }),
  },
  facets: (site, el) => {
    const producers = site.model.relations.producers.get(el.id) ?? [];
    return {
      domain: producers.map((s) => domainName(site, serviceDomain(site.model, s))),
      team: producers.map((s) => teamName(site, site.model.byKind.service.get(s)?.data.owner)),
    };
  },
});
