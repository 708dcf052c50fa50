import { KIND_NAMES } from '../../plugins/model/kinds.ts';
import { hasIndexTable } from '../../plugins/pages/index-tables.ts';
import { kindIndexPage } from '../../plugins/pages/kind-index-page.ts';
import { pageKind } from '../../plugins/pages/kinds.ts';
import { OVERVIEW_PAGES } from '../../plugins/pages/overviews.ts';
import type { Site } from '../../plugins/pages/site.ts';

/**
 * Every page of a site, as its page function returns it: the overview pages, each kind's index
 * and each element's page, by the registries, so that a new kind or overview is covered here
 * without a change (docs pages aside: Starlight renders those).
 */
export function everyPage(site: Site): unknown[] {
  return [
    ...[...OVERVIEW_PAGES.values()].map((page) => page(site)),
    ...KIND_NAMES.filter(hasIndexTable).map((kind) => kindIndexPage(site, kind)),
    ...KIND_NAMES.flatMap((kind) => [...site.model.byKind[kind].keys()].map((id) => pageKind(kind).page(site, id))),
  ];
}
