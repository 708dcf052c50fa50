import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownBodyLoader } from '../plugins/astro/body-loader.ts';
import { emptyCollection } from '../plugins/astro/empty-collection.ts';
import { projectFingerprint } from '../plugins/astro/page-cache/fingerprint.ts';
import { pipelineBound } from '../plugins/astro/pipeline-loader.ts';
import { buildContentDir, hasDocPages, hasMdxBodies, markdownBodies, onNewSite } from '../plugins/astro/collection-reads.ts';
import { docId } from '../plugins/model/doc-id.ts';

// The content folder of this build, from the site the integration published.
const contentDir = buildContentDir();
// The rendered Markdown Astro keeps between builds goes when archsite's code changes (see pipeline-loader.ts).
const pipeline = projectFingerprint(fileURLToPath(new URL('..', import.meta.url)));

export const collections = {
  // Starlight reads its UI strings from here; an empty English entry keeps its defaults.
  i18n: defineCollection({ loader: async () => [{ id: 'en' }], schema: i18nSchema() }),
  // The content's free pages, routed at /docs/<path>/ like every other element. docs/index.md
  // is the docs landing page (/docs/), a kind index: its prose is read as a body, below.
  docs: defineCollection({
    loader: hasDocPages()
      ? pipelineBound(
          glob({
            base: path.join(contentDir, 'docs'),
            pattern: ['**/*.{md,mdx}', '!index.{md,mdx}'],
            generateId: ({ entry }) => `docs/${docId(`docs/${entry}`)}`,
          }),
          pipeline,
        )
      : emptyCollection('docs'),
    // Built once, not a function of Astro's image helper: Starlight builds a function schema
    // again for every page it renders. The model allows a free page no image in its front
    // matter (only title, description and order), so the helper is not needed.
    schema: docsSchema({ extend: z.object({ order: z.number().optional() }) })({ image: () => z.never() as never }),
  }),
  // The prose of Markdown elements (services, decisions ...), by path under the content folder:
  // .md from the model, which read the files already; .mdx compiled from its file. Their
  // fields were validated by the model; here only the body is rendered.
  bodies: defineCollection({ loader: pipelineBound(markdownBodyLoader(markdownBodies, onNewSite), pipeline), schema: z.looseObject({}) }),
  mdxBodies: defineCollection({
    loader: hasMdxBodies()
      ? glob({
          base: contentDir,
          // Every MDX element outside docs/, and docs/index.mdx: negations win over any pattern,
          // so docs/ is left out but for that one file.
          pattern: ['*/**/*.mdx', '!docs/**/*/**', '!docs/!(index).mdx'],
          generateId: ({ entry }) => entry,
        })
      : async () => [],
    schema: z.looseObject({}),
  }),
};
