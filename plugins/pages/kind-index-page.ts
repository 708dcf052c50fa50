import { kindInfo, type ElementKind } from '../model/kinds.ts';
import { DOCS_INDEX } from '../model/routes.ts';
import { bodyOf } from './body.ts';
import { indexTable, type IndexTable } from './index-tables.ts';
import type { Site } from './site.ts';

export interface KindIndexPage {
  readonly title: string;
  readonly description: string;
  /** The prose that leads the list (docs/index.md, for the docs). */
  readonly body?: string | undefined;
  readonly table: IndexTable;
  /** Said instead of the table when the kind has no elements. */
  readonly empty: string;
}

/** A kind's index: every element of it in a table readers sort, filter and share. */
export function kindIndexPage(site: Site, kind: ElementKind): KindIndexPage {
  const info = kindInfo(kind);
  // docs/index.md introduces the docs: its title, description and prose lead the list.
  const intro = kind === 'doc' ? site.model.byKind.doc.get(DOCS_INDEX) : undefined;
  return {
    title: intro?.data.title ?? info.plural,
    description: intro?.data.description ?? `Every ${info.label.toLowerCase()} of ${site.model.system.data.name}.`,
    body: intro ? bodyOf(intro) : undefined,
    table: indexTable(site, kind),
    empty: `There are no ${info.plural.toLowerCase()} in this architecture yet.`,
  };
}
