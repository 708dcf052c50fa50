import type { ElementKind } from '../../model/kinds.ts';
import type { Element } from '../../model/model.ts';
import type { IndexCells } from '../index-cells.ts';
import type { IndexTable } from '../index-tables.ts';
import type { Site } from '../site.ts';

/** The search facets a page can carry beyond its kind. */
export type FacetName = 'domain' | 'team' | 'technology' | 'status';

/**
 * The page layer's part of a kind: its page function, its index and its search facets. The
 * model's part (model/kinds/<kind>.ts) names it and reads it; this part may read the model.
 */
export interface PageKindDefinition<K extends ElementKind> {
  /** The element's page, as its template shows it. */
  readonly page: (site: Site, id: string) => unknown;
  /**
   * The kind's index page (`/<folder>/`): a table readers sort and filter. Kinds with a register
   * of their own there (risks, roles) have none.
   */
  readonly index?: IndexDefinition<K> | undefined;
  /** The values of the facets it is found by in search; each value's text as shown. */
  readonly facets?: (site: Site, el: Element<K>) => Partial<Record<FacetName, readonly (string | undefined)[]>>;
}

export interface IndexDefinition<K extends ElementKind> {
  /** The table: its columns, and a row per element. */
  readonly table: (site: Site, elements: readonly Element<K>[], cells: IndexCells) => IndexTable;
  /** Rows keep the table's order (by ADR number, by `order`) rather than going by the first column. */
  readonly ordered?: boolean;
}

/** Declares a kind's page part, typed by its kind. */
export function definePageKind<K extends ElementKind>(definition: PageKindDefinition<K>): PageKindDefinition<K> {
  return definition;
}
