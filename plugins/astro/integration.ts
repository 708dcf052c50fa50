import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import type { AstroIntegration } from 'astro';
import { formatDiagnostics, formatSummary } from '../model/format.ts';
import { remarkArchsiteLinks } from './remark-links.ts';
import { contentDir, invalidateSiteModel, loadSiteModel } from './site-model.ts';
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
      // In dev, an edit to any content file re-reads the model, reports it, and reloads the page.
      'astro:server:setup': ({ server, logger }) => {
        const dir = contentDir();
        server.watcher.add(dir);
        const onChange = (file: string) => {
          if (!file.startsWith(dir)) return;
          invalidateSiteModel();
          const next = loadSiteModel();
          if (next.diagnostics.length > 0)
            logger.warn(`${formatDiagnostics(next.diagnostics, 'text')}\n${formatSummary(next.diagnostics, next.stats)}`);
          else logger.info(formatSummary(next.diagnostics, next.stats));
          server.ws.send({ type: 'full-reload' });
        };
        server.watcher.on('change', onChange);
        server.watcher.on('add', onChange);
        server.watcher.on('unlink', onChange);
      },
    },
  };
  return [guard, starlight(starlightOptions(result.model))];
}
