// @ts-check
import { createHash } from 'node:crypto';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import archsite from './plugins/astro/integration.ts';

// ARCHSITE_BASE publishes under a sub-path, such as a GitHub Pages project site.
const base = process.env.ARCHSITE_BASE || '/';

// Astro keeps what it loaded from the content between builds: one folder per content folder,
// so that builds of different content (tests, several sites from one checkout) never mix.
const content = path.resolve(process.env.ARCHSITE_CONTENT || 'content');
const cacheDir = `./node_modules/.astro/${createHash('sha256').update(content).digest('hex').slice(0, 12)}/`;

export default defineConfig({
  base,
  cacheDir,
  ...(process.env.ARCHSITE_SITE ? { site: process.env.ARCHSITE_SITE } : {}),
  trailingSlash: 'always',
  integrations: [archsite({ base })],
});
