import { z } from 'zod';
import { id } from './common.ts';

export const RESOURCE_CATEGORIES = ['database', 'cache', 'queue', 'storage', 'search', 'other'] as const;
export type ResourceCategory = (typeof RESOURCE_CATEGORIES)[number];

/** `resources/`: databases, caches, queues and brokers, buckets, search indexes. */
export const resourceSchema = z.strictObject({
  id: id.optional(),
  name: z.string().min(1),
  /** Free text; well-known technologies get a category. @example "postgresql" */
  type: z.string().min(1),
  /** Overrides the category derived from `type`. */
  category: z.enum(RESOURCE_CATEGORIES).optional(),
  description: z.string().optional(),
  /** Several services store data here on purpose. */
  shared: z.boolean().optional(),
  technology: z.string().optional(),
});

export type ResourceData = z.infer<typeof resourceSchema>;
