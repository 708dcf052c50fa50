import type { HookParameters } from 'astro';
import path from 'node:path';
import { ChangeBurst, outsideContent, realOrResolved, type FileChange } from '../../model/change-burst.ts';
import { CheckCache } from '../../model/check-cache.ts';
import { formatDiagnostics, formatSummary } from '../../model/format.ts';
import { loadModel } from '../../model/load.ts';
import type { IntegrationState } from './state.ts';

/**
 * `astro:server:setup`: in dev, an edit to any content file re-reads the model, redraws what
 * changed, and reloads the page. As in `check --watch`, a burst of writes is checked once, and
 * only the files that changed are read and parsed again (every file is read once the first
 * page is out): at 200 services, the page shows an edit about 0.4 s after it was saved.
 */
export function watchContent(state: IntegrationState, { server, logger }: HookParameters<'astro:server:setup'>): void {
  const dir = state.settings.contentDir;
  server.watcher.add(dir);
  const cache = new CheckCache();
  const check = () => loadModel({ ...state.recheck, contentDir: dir, today: state.settings.today, cache });
  // Once the first page is out, every file is read into the cache: the first edit, too, is read alone.
  let running: Promise<unknown> = state.served.then(check).catch(() => undefined);

  const recheck = async (changed: ReadonlyMap<string, FileChange>): Promise<void> => {
    // The check names files by their real path (macOS's /tmp is a link): so does its cache.
    const real = realOrResolved(dir);
    for (const [file, what] of changed) cache.forget(path.join(real, path.relative(dir, file)), what);
    const result = await check();
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
  // One burst checked after another.
  const burst = new ChangeBurst((changed) => {
    running = running
      .then(() => recheck(changed))
      .catch((error: unknown) => logger.error(`the content could not be checked again: ${String(error)}`));
  });
  const on = (what: FileChange) => (file: string) => {
    if (!outsideContent(dir, file)) burst.add(file, what);
  };
  server.watcher.on('change', on('change'));
  for (const event of ['add', 'unlink', 'addDir', 'unlinkDir'] as const) server.watcher.on(event, on('rename'));
  server.httpServer?.once('close', () => burst.close());
}
