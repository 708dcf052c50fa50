import starlight from '@astrojs/starlight';
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from '../model/load.ts';
import { completeOutput } from './integration/build-done.ts';
import { setupConfig } from './integration/config-setup.ts';
import { indexSearchInstead } from './integration/search.ts';
import { watchContent } from './integration/server-setup.ts';
import { IntegrationState, type Recheck, type Report } from './integration/state.ts';
import { noSitemap } from './no-sitemap.ts';
import { threadedPrerenderer } from './prerender/page-threads.ts';
import type { PhaseClock } from './phase-clock.ts';
import type { Settings } from './settings.ts';
import { starlightOptions } from './starlight-options.ts';

export interface ArchsiteOptions {
  readonly settings: Settings;
  /** The checked content (see archsiteConfig, which checks it): not read a second time. */
  readonly checked: LoadResult;
  /** Where the build's time goes (`build --timings`): the integration marks its phases on it. */
  readonly clock?: PhaseClock | undefined;
  /** Where archsite's summary lines go (the CLI prints them); Astro's log at `info` without one. */
  readonly report?: Report | undefined;
  /** Where the check keeps what it read (see model/check-store.ts): page threads read the content through it. */
  readonly checkStore?: { readonly file: string; readonly key: string } | undefined;
  /** How the content was checked (`--min-completeness`, the git repository): the dev server checks again the same way after each edit. */
  readonly recheck?: Recheck | undefined;
}

/**
 * The archsite Astro integration: checks the content before anything is built, builds the
 * one `site` of the build (model, git dates, diagrams; see pages/site.ts) and hands it to
 * the pages, renders every diagram in one browser, renders Markdown with links rewritten
 * to the site, and sets Starlight up as the shell from the model (title, sidebar, edit links).
 * Each hook is a function of its own (integration/), over one state (integration/state.ts).
 */
export default function archsite({ settings, checked, clock, report, checkStore, recheck }: ArchsiteOptions): AstroIntegration[] {
  const shell = starlightOptions(checked.model, settings);
  const state = new IntegrationState({ settings, checked, clock, shell, report, checkStore, recheck });
  const own: AstroIntegration = {
    name: 'archsite',
    hooks: {
      'astro:config:setup': (params) => setupConfig(state, params),
      'astro:build:start': ({ setPrerenderer, logger }) => setPrerenderer((fallback) => threadedPrerenderer(state, fallback, logger)),
      'astro:build:done': ({ dir, logger }) => completeOutput(state, fileURLToPath(dir), logger),
      'astro:server:setup': (params) => watchContent(state, params),
    },
  };
  const shellIntegration = starlight(shell);
  indexSearchInstead(state, shellIntegration);
  return settings.site ? [own, shellIntegration] : [own, noSitemap(), shellIntegration];
}
