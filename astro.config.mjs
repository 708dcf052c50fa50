// @ts-check
import { defineConfig } from 'astro/config';
import archsite from './plugins/astro/integration.ts';

export default defineConfig({
  // ARCHSITE_BASE publishes under a sub-path, such as a GitHub Pages project site.
  base: process.env.ARCHSITE_BASE || '/',
  ...(process.env.ARCHSITE_SITE ? { site: process.env.ARCHSITE_SITE } : {}),
  trailingSlash: 'always',
  integrations: [archsite()],
});
