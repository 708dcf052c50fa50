import path from 'node:path';
import type { Element, Model } from '../model/model.ts';
import { kindInfo } from '../model/kinds.ts';
import { gitInfo } from './git-dates.ts';
import { recordRead } from './page-cache/recording-model.ts';
import { compare } from '../model/diagnostics.ts';
import { serviceDomain } from '../model/queries.ts';

/** Where to edit an element's file, when the system names its repository. */
export function editUrl(model: Model, el: Element): string | undefined {
  const repository = model.system.data.repository?.replace(/\/+$/, '');
  if (!repository) return undefined;
  const absolute = path.join(model.contentDir, el.source.path);
  const top = gitInfo(model.contentDir)?.top ?? process.cwd();
  const relative = path.relative(top, absolute).split(path.sep).join('/');
  if (relative.startsWith('..')) return undefined;
  return `${repository}/edit/${model.system.data.branch ?? 'main'}/${relative}`;
}

/**
 * When an element's file was last committed, from git; undefined outside git. Pages read git
 * dates only through here: the read is recorded, so a commit that changes a date renders
 * the pages that show it again (see recording-model.ts).
 */
export function lastUpdated(model: Model, el: Element): Date | undefined {
  const file = path.join(model.contentDir, el.source.path);
  recordRead(`git:${file}`);
  return gitInfo(model.contentDir)?.dates.get(file);
}

/** The `count` elements whose files were committed last, newest first (ties by kind and id). */
export function recentlyChanged(model: Model, count: number): { el: Element; date: Date }[] {
  return model.elements
    .flatMap((el) => {
      const date = lastUpdated(model, el);
      return date ? [{ el, date }] : [];
    })
    .sort((a, b) => b.date.getTime() - a.date.getTime() || compare(a.el.kind, b.el.kind) || compare(a.el.id, b.el.id))
    .slice(0, count);
}

/** The pagefind facets of an element: kind, domain, team and technology. */
export function searchFacets(model: Model, el: Element): Record<string, (string | undefined)[]> {
  const domainName = (id: string | undefined) => (id ? model.byKind.domain.get(id)?.data.name : undefined);
  const teamName = (id: string | undefined) => (id ? model.byKind.team.get(id)?.data.name : undefined);
  const facets: Record<string, (string | undefined)[]> = { kind: [kindInfo(el.kind).label] };
  switch (el.kind) {
    case 'service': {
      const domain = [...model.relations.domainServices].find(([, ids]) => ids.includes(el.id))?.[0];
      facets.domain = [domainName(domain)];
      facets.team = [teamName(el.data.owner)];
      facets.technology = [el.data.stack?.language, el.data.stack?.framework, el.data.stack?.database];
      break;
    }
    case 'domain':
      facets.domain = [el.data.name];
      facets.team = [teamName(el.data.owner)];
      break;
    case 'event': {
      const producers = model.relations.producers.get(el.id) ?? [];
      facets.domain = producers.map((s) => domainName(serviceDomain(model, s)));
      facets.team = producers.map((s) => teamName(model.byKind.service.get(s)?.data.owner));
      break;
    }
    case 'resource':
      facets.technology = [el.data.technology ?? el.data.type];
      facets.domain = (model.relations.resourceUsers.get(el.id) ?? [])
        .filter((u) => u.via === 'store')
        .map((u) => domainName(serviceDomain(model, u.service)));
      break;
    case 'decision':
      facets.status = [el.data.status];
      if (el.data.technology) facets.technology = [el.data.technology];
      break;
    case 'team':
      facets.team = [el.data.name];
      break;
    default:
      break;
  }
  return facets;
}

/**
 * A facet value as pagefind may show it. Pagefind's search UI puts filter values into the
 * page as HTML, so a name like `<img onerror=...>` would become markup: angle brackets are
 * shown as look-alike quotation marks instead.
 */
export function facetValue(value: string): string {
  return value.replace(/</g, '‹').replace(/>/g, '›').replace(/\s+/g, ' ').trim();
}
