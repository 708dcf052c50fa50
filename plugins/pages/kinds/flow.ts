import { keyOf } from '../../model/model.ts';
import { flowPage } from '../flow-page.ts';
import { definePageKind } from './define.ts';

export const flowPages = definePageKind<'flow'>({
  page: flowPage,
  index: {
    table: (site, flows, c) => ({
      noun: 'flow',
      columns: [
        { key: 'name', label: 'Flow' },
        { key: 'description', label: 'Description' },
        { key: 'participants', label: 'Participants' },
      ],
      rows: flows.map((f) => {
        const ends = (site.model.relations.flowSteps.get(f.id) ?? []).flatMap((s) => [s.from, s.to]);
        const unique = [...new Map(ends.map((ref) => [keyOf(ref), ref])).values()];
        return { name: c.name(f), description: c.text(f.data.description), participants: c.links(unique) };
      }),
    }),
  },
});
