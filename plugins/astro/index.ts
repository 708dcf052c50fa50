import type { AstroUserConfig } from 'astro';
import { createHash } from 'node:crypto';
import type { LoadResult } from '../model/load.ts';
import type { Recheck, Report } from './integration/state.ts';
import type { PhaseClock } from './phase-clock.ts';
import type { Settings } from './settings.ts';

// Light to load: the integration and the model's reader come with archsiteConfig, so that the
// command line can refuse bad options and output folders before loading them (see cli/build.ts).
export { readSettings, type Settings } from './settings.ts';
export { ContentError, isContentError } from './content-error.ts';
export type { ArchsiteOptions } from './integration.ts';
export { PhaseClock, PHASES, type Phase, type PhaseName } from './phase-clock.ts';

/**
 * The Astro configuration of an archsite site, from its settings: what `astro.config.mjs`
 * exports, and what the CLI builds with (handing over the content it already checked, the
 * clock of `build --timings`, and where to print archsite's summary lines).
 */
export async function archsiteConfig(
  settings: Settings,
  {
    checked,
    clock,
    report,
    checkStore,
    recheck,
  }: {
    checked?: LoadResult;
    clock?: PhaseClock | undefined;
    report?: Report | undefined;
    /** Where the check keeps what it read (see model/check-store.ts): page threads read the content through it. */
    checkStore?: { readonly file: string; readonly key: string } | undefined;
    /** How the content was checked (`--min-completeness`, the git repository): the dev server checks again the same way after each edit. */
    recheck?: Recheck | undefined;
  } = {},
): Promise<AstroUserConfig> {
  // Astro keeps what it loaded from the content between builds: one folder per content folder,
  // so that builds of different content (tests, several sites from one checkout) never mix.
  const cacheDir = `./node_modules/.astro/${createHash('sha256').update(settings.contentDir).digest('hex').slice(0, 12)}/`;
  const [{ default: archsite }, content] = await Promise.all([
    import('./integration.ts'),
    checked ?? import('../model/load.ts').then(({ loadModel }) => loadModel({ contentDir: settings.contentDir })),
  ]);
  // The site's own URL (for the sitemap and canonical links): the setting, else system.yaml's `url`.
  const site = settings.site ?? content.model?.system.data.url;
  return {
    base: settings.base,
    cacheDir,
    ...(site ? { site } : {}),
    trailingSlash: 'always',
    // Astro's own toolbar is for people building Astro sites, not for architects reading theirs:
    // its menu sends them to Astro's bug tracker, and it loads scripts into every page the dev server serves.
    devToolbar: { enabled: false },
    integrations: archsite({ settings: { ...settings, site }, checked: content, clock, report, checkStore, recheck }),
  };
}
