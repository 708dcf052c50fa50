// @ts-check
import { defineConfig } from 'astro/config';
import { archsiteConfig, readSettings } from './plugins/astro/index.ts';

// Every setting (the content folder, ARCHSITE_BASE for a sub-path such as a GitHub Pages
// project site, ...) is read from the environment in one place: plugins/astro/settings.ts.
export default defineConfig(await archsiteConfig(readSettings(process.env, import.meta.dirname)));
