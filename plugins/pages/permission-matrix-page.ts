import { keyOf, type ElementRef } from '../model/model.ts';
import { compareNames, linkTo } from './links.ts';
import { accessWords } from './role-page.ts';
import type { Site } from './site.ts';
import { elementHref } from './urls.ts';
import type { ElementLink, Link } from './view.ts';

export interface PermissionMatrixPage {
  readonly title: string;
  readonly description: string;
  readonly roles: readonly (Link & { readonly description?: string | undefined })[];
  /** One row per element some role has a permission on; a cell per role: CRUD letters, `-`, or empty where the role says nothing. */
  readonly rows: readonly {
    readonly target: ElementLink;
    readonly cells: readonly { readonly access: string; readonly words: string }[];
  }[];
}

/** The RBAC permission matrix: element × role. */
export function permissionMatrixPage(site: Site): PermissionMatrixPage {
  const { model, base } = site;
  const roles = [...model.byKind.role.values()];
  const targets = new Map<string, ElementRef>();
  for (const role of roles) for (const p of model.relations.permissions.get(role.id) ?? []) targets.set(keyOf(p.target), p.target);
  const rows = [...targets.values()]
    .flatMap((ref) => {
      const target = linkTo(site, ref);
      if (!target) return [];
      const cells = roles.map((role) => {
        const access = (model.relations.permissions.get(role.id) ?? []).find((p) => keyOf(p.target) === keyOf(ref))?.access ?? '';
        return { access, words: access ? accessWords(access) : 'not stated' };
      });
      return [{ target, cells }];
    })
    .sort((a, b) => compareNames(a.target.text, b.target.text));
  return {
    title: 'Roles',
    description: `Who may do what in ${model.system.data.name}: each role's permissions, element by element (C create, R read, U update, D delete).`,
    roles: roles.map((r) => ({ text: r.data.name, href: elementHref(r, base), description: r.data.description })),
    rows,
  };
}
