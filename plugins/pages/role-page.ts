import { bodyOf } from './body.ts';
import { linkTo } from './links.ts';
import { elementHead } from './page-meta.ts';
import type { Site } from './site.ts';
import { section, sectionHeadings, type ElementLink, type PageHead, type PageSection } from './view.ts';

export interface RolePage {
  readonly head: PageHead;
  readonly description?: string | undefined;
  readonly body?: string | undefined;
  /** Only the sections with something to show. */
  readonly sections: readonly RoleSection[];
}

export type RoleSection = PageSection<
  'permissions',
  { readonly permissions: readonly { readonly target: ElementLink; readonly access: string; readonly words: string }[] }
>;

const WORDS = new Map([
  ['C', 'create'],
  ['R', 'read'],
  ['U', 'update'],
  ['D', 'delete'],
]);

/** CRUD letters in words: `RU` → "read, update"; `-` → "no access". */
export function accessWords(access: string): string {
  if (access === '-') return 'no access';
  return ['C', 'R', 'U', 'D']
    .filter((letter) => access.includes(letter))
    .map((letter) => WORDS.get(letter)!)
    .join(', ');
}

export function rolePage(site: Site, id: string): RolePage {
  const el = site.model.byKind.role.get(id);
  if (!el) throw new Error(`archsite: no role "${id}"`);
  const permissions = (site.model.relations.permissions.get(id) ?? []).flatMap((p) => {
    const target = linkTo(site, p.target);
    return target ? [{ target, access: p.access, words: accessWords(p.access) }] : [];
  });
  const sections: RoleSection[] = section('permissions', 'Permissions', permissions.length > 0, { permissions });
  return {
    head: elementHead(site, el, el.data.name, el.data.description, sectionHeadings(sections)),
    description: el.data.description,
    body: bodyOf(el),
    sections,
  };
}
