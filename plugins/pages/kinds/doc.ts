import { compare } from '../../model/diagnostics.ts';
import { DOCS_INDEX } from '../../model/routes.ts';
import { definePageKind } from './define.ts';

/** Free pages: Starlight renders each from the content's docs/; this is their index. */
export const docPages = definePageKind<'doc'>({
  page: (site, id) => site.model.byKind.doc.get(id),
  index: {
    // By `order`, then by title.
    ordered: true,
    table: (_site, docs, c) => ({
      noun: 'page',
      columns: [
        { key: 'name', label: 'Page' },
        { key: 'description', label: 'Description' },
      ],
      rows: docs
        // docs/index.md is this page itself.
        .filter((d) => d.id !== DOCS_INDEX)
        .sort((a, b) => (a.data.order ?? Infinity) - (b.data.order ?? Infinity) || compare(a.data.title, b.data.title))
        .map((d) => ({ name: { ...c.name(d), sort: d.data.order ?? Infinity }, description: c.text(d.data.description) })),
    }),
  },
});
