import { z } from 'zod';
import { id } from './common.ts';

/**
 * What a role may do with an element: CRUD letters (`CRUD`, `RU`, `R`), or `-` for nothing,
 * as the seed's permission matrix writes them.
 */
export const permission = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
  z.string().regex(/^(-|(?!.*(.).*\2)[CRUD]{1,4})$/, 'expected CRUD letters (C, R, U, D, each at most once) or - for none'),
);

/** `roles/`: who may do what (RBAC), element by element. */
export const roleSchema = z.strictObject({
  id: id.optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  /** By element (a service, resource, domain … as a reference), what the role may do with it. */
  permissions: z.record(z.string().min(1), permission).optional(),
});

export type RoleData = z.infer<typeof roleSchema>;
