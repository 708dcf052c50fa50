import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import path from 'node:path';
import { contentDir } from '../plugins/astro/site-model.ts';
import { docId } from '../plugins/model/read-elements.ts';

export const collections = {
  // The content's free pages, routed at /docs/<path>/ like every other element.
  docs: defineCollection({
    loader: glob({
      base: path.join(contentDir(), 'docs'),
      pattern: '**/*.{md,mdx}',
      generateId: ({ entry }) => `docs/${docId(`docs/${entry}`)}`,
    }),
    schema: docsSchema({ extend: z.object({ order: z.number().optional() }) }),
  }),
};
