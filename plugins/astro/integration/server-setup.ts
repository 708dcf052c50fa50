import type { HookParameters } from 'astro';
import { formatDiagnostics, formatSummary } from '../../model/format.ts';
import { loadModel } from '../../model/load.ts';
import type { IntegrationState } from './state.ts';

/** `astro:server:setup`: in dev, an edit to any content file re-reads the model, redraws what changed, and reloads the page. */
export function watchContent(state: IntegrationState, { server, logger }: HookParameters<'astro:server:setup'>): void {
  const dir = state.settings.contentDir;
  server.watcher.add(dir);
  const onChange = async (file: string) => {
    if (!file.startsWith(dir)) return;
    const result = await loadModel({ contentDir: dir });
    state.result = result;
    const summary = formatSummary(result.diagnostics, result.stats);
    if (result.diagnostics.length > 0) logger.warn(`${formatDiagnostics(result.diagnostics, 'text')}\n${summary}`);
    else logger.info(summary);
    if (result.model) {
      const problem = await state.prepare(logger, result.model, 'background');
      if (problem) logger.error(problem);
    }
    server.ws.send({ type: 'full-reload' });
  };
  server.watcher.on('change', onChange);
  server.watcher.on('add', onChange);
  server.watcher.on('unlink', onChange);
}
