import starlight from '@astrojs/starlight';
import type { AstroIntegration } from 'astro';
import { formatDiagnostics, formatSummary } from '../model/format.ts';
import { contentDir, loadSiteModel } from './site-model.ts';
import { starlightOptions } from './starlight-options.ts';

/**
 * The archsite Astro integration: checks the content before anything is built, and sets
 * Starlight up as the site's shell from the model (title, sidebar, edit links).
 */
export default function archsite(): AstroIntegration[] {
  const result = loadSiteModel();
  const guard: AstroIntegration = {
    name: 'archsite',
    hooks: {
      'astro:config:setup': ({ logger, command }) => {
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        if (errors.length === 0) return;
        const report = `${formatDiagnostics(result.diagnostics, 'text')}\n${formatSummary(result.diagnostics, result.stats)}`;
        if (command === 'dev') {
          logger.error(`the content has errors; pages of invalid elements are missing:\n${report}`);
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
