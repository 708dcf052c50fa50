// @ts-check
import { defineConfig } from 'astro/config';
import archsite from './plugins/astro/integration.ts';

// ARCHSITE_BASE publishes under a sub-path, such as a GitHub Pages project site.
const base = process.env.ARCHSITE_BASE || '/';

export default defineConfig({
  base,
  ...(process.env.ARCHSITE_SITE ? { site: process.env.ARCHSITE_SITE } : {}),
  trailingSlash: 'always',
  integrations: [archsite({ base })],
});
