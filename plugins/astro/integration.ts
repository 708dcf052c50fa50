import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import type { AstroIntegration } from 'astro';
import { formatDiagnostics, formatSummary } from '../model/format.ts';
import { remarkArchsiteLinks } from './remark-links.ts';
import { contentDir, loadSiteModel } from './site-model.ts';
import { starlightOptions } from './starlight-options.ts';

export interface ArchsiteOptions {
  /** The site's base path, as given to Astro. @default "/" */
  readonly base?: string;
}

/**
 * The archsite Astro integration: checks the content before anything is built, renders
 * Markdown with links rewritten to the site, and sets Starlight up as the shell from the
 * model (title, sidebar, edit links).
 */
export default function archsite(options: ArchsiteOptions = {}): AstroIntegration[] {
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const result = loadSiteModel();
  const guard: AstroIntegration = {
    name: 'archsite',
    hooks: {
      'astro:config:setup': ({ logger, command, updateConfig }) => {
        updateConfig({
          markdown: {
            processor: unified({ remarkPlugins: [[remarkArchsiteLinks, { model: () => loadSiteModel().model, base }]] }),
          },
        });
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        if (errors.length === 0) return;
        const report = `${formatDiagnostics(result.diagnostics, 'text')}\n${formatSummary(result.diagnostics, result.stats)}`;
        if (command === 'dev') {
          logger.error(`the content has errors; fix them and restart:\n${report}`);
          return;
        }
        // Stop before Astro writes anything: a failed check must leave dist/ untouched.
        logger.error(`the content in ${contentDir()} has errors; nothing was built.\n${report}`);
        process.exit(1);
      },
    },
  };
  return [guard, starlight(starlightOptions(result.model))];
}
