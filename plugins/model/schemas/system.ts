import { z } from 'zod';
import { httpUrl, reference } from './common.ts';

/** `system.yaml`: the system being documented. */
export const systemSchema = z.strictObject({
  /** @example "E-Commerce Platform" */
  name: z.string().min(1),
  description: z.string().optional(),
  /** Repository URL; drives the site's edit links. @example "https://github.com/acme/architecture" */
  repository: httpUrl.optional(),
  /** Branch the edit links point at. @default "main" */
  branch: z.string().min(1).optional(),
  /** The owning team. */
  owner: reference.optional(),
  /**
   * The origin the site is published at, for canonical links and the sitemap; a sub-path is
   * `ARCHSITE_BASE`'s, and `ARCHSITE_SITE` overrides this. @example "https://acme.github.io"
   */
  url: httpUrl.optional(),
});

export type SystemData = z.infer<typeof systemSchema>;
