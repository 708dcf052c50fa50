import { resourceCategory } from '../resource-category.ts';
import { resourceSchema } from '../schemas/resource.ts';
import { replacedByField, resolveReplacement } from './replacement.ts';
import { defineKind, quote } from './define.ts';

/** A database, cache, queue or broker, bucket or search index. */
export const resource = defineKind({
  kind: 'resource',
  folder: 'resources',
  label: 'Resource',
  plural: 'Resources',
  sidebar: { position: 40 },
  schema: resourceSchema,
  references: { replacedBy: replacedByField(['resource']) },
  resolve: (el, r) => {
    resolveReplacement(r, el.data);
    r.relations.categories.set(el.id, resourceCategory(el.data.type, el.data.category));
  },
  scaffold: {
    extension: 'yaml',
    text: (c) => `# A database, cache, queue or broker, bucket or search index.
name: ${quote(c.name)}
# What it is: postgresql, redis, kafka, s3 …
type: postgresql
# category: database   # database | cache | queue | storage | search | other
# technology: PostgreSQL 16
# description: What it holds.
# shared: true         # several services use it on purpose
`,
  },
});
