import { requirementPage } from '../requirement-page.ts';
import { definePageKind } from './define.ts';
import { domainOfRef, teamName } from './facet-names.ts';

export const requirementPages = definePageKind<'requirement'>({
  page: requirementPage,
  index: {
    table: (site, requirements, c) => ({
      noun: 'requirement',
      columns: [
        { key: 'name', label: 'Requirement' },
        { key: 'type', label: 'Type', filter: true },
        { key: 'category', label: 'Category', filter: true },
        { key: 'priority', label: 'Priority', filter: true },
        { key: 'status', label: 'Status', filter: true },
        { key: 'satisfiedBy', label: 'Satisfied by' },
      ],
      rows: requirements.map((r) => ({
        name: c.name(r),
        type: c.text(r.data.type === 'functional' ? 'Functional' : 'Non-functional'),
        category: c.text(r.data.category),
        priority: c.text(r.data.priority),
        status: c.text(r.data.status),
        satisfiedBy: c.links(site.model.relations.satisfiedBy.get(r.id) ?? []),
      })),
    }),
  },
  facets: (site, el) => {
    const satisfiers = site.model.relations.satisfiedBy.get(el.id) ?? [];
    return {
      status: [el.data.status],
      domain: satisfiers.map((ref) => domainOfRef(site, ref)),
      team: satisfiers.map((ref) =>
        ref.kind === 'service' ? teamName(site, site.model.byKind.service.get(ref.id)?.data.owner) : undefined,
      ),
    };
  },
});
