import { roleSchema } from '../schemas/role.ts';
import { defineKind, quote } from './define.ts';

/** A role, and what it may do with each element (CRUD). */
export const role = defineKind({
  kind: 'role',
  folder: 'roles',
  label: 'Role',
  plural: 'Roles',
  sidebar: { position: 90 },
  schema: roleSchema,
  references: { permissions: { kinds: 'any', role: 'permission target' } },
  resolve: (el, r) => {
    for (const [raw, access] of Object.entries(el.data.permissions ?? {})) {
      const target = r.ref('permissions', ['permissions', raw], raw);
      if (target) r.relations.permissions.add(el.id, { target, access });
    }
  },
  scaffold: {
    extension: 'yaml',
    text: (c) => `# A role and what it may do: CRUD letters (C create, R read, U update, D delete), or - for none.
name: ${quote(c.name)}
# description: Who has this role.
${c.service ? `permissions:\n  ${c.service}: R` : '# permissions:\n#   <element id>: CRUD'}
`,
  },
});
