import { elementRoute } from '../../model/routes.ts';
import type { Site } from '../../pages/site.ts';

/**
 * The reads each element page starts with, by route: its own element and its file's date,
 * recorded even when the page gets them as props (see recording-site.ts).
 */
export class PageOwners {
  readonly #owners = new Map<string, { key: string; file: string }>();

  constructor(site: Site) {
    const prefix = site.base.replace(/\/$/, '');
    for (const el of site.model.elements)
      this.#owners.set(`${prefix}${elementRoute(el)}`, { key: `el:${el.kind}:${el.id}`, file: el.source.path });
  }

  /** The reads a page at `route` starts with. */
  firstReads(route: string): Set<string> {
    const owner = this.#owners.get(route);
    return new Set(owner ? [owner.key, `git:${owner.file}`] : []);
  }
}
