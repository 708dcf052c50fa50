import { z } from 'zod';
import { httpUrl, reference } from './common.ts';

/** `system.yaml`: the system being documented. */
export const systemSchema = z.strictObject({
  name: z.string().min(1).describe('The name of the system: the site title. Example: "E-Commerce Platform".'),
  description: z.string().optional().describe('What the system is for, in a few sentences: the opening of the home page.'),
  repository: httpUrl.optional().describe('The URL of the repository that holds this content; pages get "Edit this page" links into it.'),
  branch: z.string().min(1).optional().describe('The branch the edit links point at (default: main).'),
  owner: reference.optional().describe('The team that owns the system, by id.'),
  url: httpUrl
    .optional()
    .describe(
      'The origin the site is published at, for canonical links and the sitemap; ARCHSITE_SITE overrides it, and a sub-path is ARCHSITE_BASE. Example: "https://acme.github.io".',
    ),
});

export type SystemData = z.infer<typeof systemSchema>;
