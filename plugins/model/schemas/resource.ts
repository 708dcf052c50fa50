import { z } from 'zod';
import { elementDescription, elementId, elementName, lifecycle, oneOf, replacedBy } from './common.ts';

export const RESOURCE_CATEGORIES = ['database', 'cache', 'queue', 'storage', 'search', 'other'] as const;
export type ResourceCategory = (typeof RESOURCE_CATEGORIES)[number];

/** `resources/`: databases, caches, queues and brokers, buckets, search indexes. */
export const resourceSchema = z.strictObject({
  id: elementId,
  name: elementName,
  type: z.string().min(1).describe('What it is, in free text: postgresql, redis, kafka, s3 … Well-known technologies get their category from it.'),
  category: oneOf(RESOURCE_CATEGORIES, {
    database: 'Holds a service’s data of record: drawn as a cylinder.',
    cache: 'Holds copies that can be lost: Redis, Memcached.',
    queue: 'Carries messages and events between services: a broker or a queue.',
    storage: 'Holds files and objects: a bucket, a volume.',
    search: 'A search index: Elasticsearch, OpenSearch.',
    other: 'Anything else a service stores data in or depends on.',
  })
    .optional()
    .describe('How diagrams and checks treat it; overrides the category derived from type.'),
  description: elementDescription,
  lifecycle,
  replacedBy,
  shared: z.boolean().optional().describe('true when several services store data here on purpose: silences the shared-database warning.'),
  technology: z.string().optional().describe('The product and version, as diagrams show it: "PostgreSQL 15".'),
  apis: z
    .strictObject({
      asyncapi: z
        .string()
        .min(1)
        .optional()
        .describe(
          'For a broker: the AsyncAPI (2 or 3) document of its channels, as a path relative to this file or a URL: validated, each event it carries checked against its channels, and shown on its page.',
        ),
    })
    .optional()
    .describe('What a broker publishes about itself: its AsyncAPI document.'),
});

export type ResourceData = z.infer<typeof resourceSchema>;
