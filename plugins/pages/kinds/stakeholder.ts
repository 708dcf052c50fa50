import { stakeholderPage } from '../stakeholder-page.ts';
import { definePageKind } from './define.ts';

export const stakeholderPages = definePageKind<'stakeholder'>({
  page: stakeholderPage,
  index: {
    table: (site, stakeholders, c) => ({
      noun: 'stakeholder',
      columns: [
        { key: 'name', label: 'Stakeholder' },
        { key: 'concerns', label: 'Concerns' },
        { key: 'influence', label: 'Influence', filter: true },
        { key: 'interest', label: 'Interest', filter: true },
        { key: 'represents', label: 'Represented by' },
      ],
      rows: stakeholders.map((s) => ({
        name: c.name(s),
        concerns: c.text((s.data.concerns ?? []).join(', ')),
        influence: c.text(s.data.influence),
        interest: c.text(s.data.interest),
        represents: c.links(site.model.relations.represents.get(s.id) ?? []),
      })),
    }),
  },
});
