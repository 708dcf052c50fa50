import { keyOf, type Element } from '../../model/model.ts';
import { summaryOf } from '../../model/names.ts';
import { actorPage } from '../actor-page.ts';
import type { IndexCells } from '../index-cells.ts';
import type { IndexTable } from '../index-tables.ts';
import type { Site } from '../site.ts';
import { definePageKind } from './define.ts';

/** People and external systems: who uses the system, and what it uses. */
function actorIndex(noun: string) {
  return (site: Site, elements: readonly Element<'person' | 'system'>[], c: IndexCells): IndexTable => ({
    noun,
    columns: [
      { key: 'name', label: 'Name' },
      { key: 'description', label: 'Description' },
      { key: 'uses', label: 'Uses' },
    ],
    rows: elements.map((el) => ({
      name: c.name(el),
      description: c.text(summaryOf(el)),
      uses: c.links((site.model.relations.calls.get(keyOf(el)) ?? []).map((call) => call.to)),
    })),
  });
}

export const personPages = definePageKind<'person'>({
  page: (site, id) => actorPage(site, 'person', id),
  index: { table: actorIndex('person') },
});

export const systemPages = definePageKind<'system'>({
  page: (site, id) => actorPage(site, 'system', id),
  index: { table: actorIndex('system') },
});
