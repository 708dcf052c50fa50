import { z } from 'zod';
import { elementDescription, elementId, elementName } from './common.ts';

/**
 * What a role may do with an element: CRUD letters (`CRUD`, `RU`, `R`), or `-` for nothing,
 * as the seed's permission matrix writes them.
 */
export const permission = z
  .preprocess(
    (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
    z.string().regex(/^(-|(?!.*(.).*\2)[CRUD]{1,4})$/, 'expected CRUD letters (C, R, U, D, each at most once) or - for none'),
  )
  .describe('CRUD letters (C create, R read, U update, D delete), each at most once, or - for nothing.');

/** `roles/`: who may do what (RBAC), element by element. */
export const roleSchema = z.strictObject({
  id: elementId,
  name: elementName,
  description: elementDescription,
  permissions: z
    .record(z.string().min(1), permission)
    .optional()
    .describe('By element (a service, resource, domain … by id), what the role may do with it: `order-service: CRUD`.'),
});

export type RoleData = z.infer<typeof roleSchema>;
