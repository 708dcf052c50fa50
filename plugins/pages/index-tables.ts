import type { ElementKind } from '../model/kinds.ts';
import { indexCells } from './index-cells.ts';
import { pageKind } from './kinds.ts';
import { byText } from './links.ts';
import type { Site } from './site.ts';
import type { Link } from './view.ts';
export interface Cell {
  /** The text filtered on and shown (joined, for a cell of several links). */
  text: string;
  href?: string | undefined;
  /** Several links in one cell (an event's producers). */
  links?: readonly Link[] | undefined;
  sort?: string | number | undefined;
  code?: boolean;
  /** Kept on one line: dates, numbers, ids. */
  nowrap?: boolean;
}

export interface Column {
  key: string;
  label: string;
  filter?: boolean;
}

export interface IndexTable {
  columns: Column[];
  rows: Record<string, Cell | undefined>[];
  noun: string;
}

/**
 * The table of a kind's index page: one row per element, sorted by name, with the columns a
 * reader sorts and filters that kind by (services by domain, team, type and language), as the
 * kind's page part declares them (kinds/<kind>.ts). Only for kinds that have one (`hasIndexTable`).
 */
export function indexTable<K extends ElementKind>(site: Site, kind: K): IndexTable {
  const index = pageKind(kind).index;
  if (!index) throw new Error(`${kind} has a register of its own, not an index table`);
  const table = index.table(site, [...site.model.byKind[kind].values()], indexCells(site));
  if (index.ordered) return table;
  const first = table.columns[0]!.key;
  return { ...table, rows: byText(table.rows, (row) => row[first]?.text ?? '') };
}

/** Whether a kind's index page is a table (risks and roles have registers of their own). */
export function hasIndexTable(kind: ElementKind): boolean {
  return pageKind(kind).index !== undefined;
}
