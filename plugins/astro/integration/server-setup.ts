import type { HookParameters } from 'astro';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { CheckCache } from '../../model/check-cache.ts';
import { formatDiagnostics, formatSummary } from '../../model/format.ts';
import { loadModel } from '../../model/load.ts';
import type { IntegrationState } from './state.ts';

/** How long to wait for an editor's burst of writes (save, rename, touch) to end before checking again. */
const SETTLE_MS = 20;

/**
 * `astro:server:setup`: in dev, an edit to any content file re-reads the model, redraws what
 * changed, and reloads the page. As in `check --watch`, a burst of writes is checked once, and
 * only the files that changed are read and parsed again: at 200 services, the page shows an
 * edit about 0.4 s after it was saved.
 */
export function watchContent(state: IntegrationState, { server, logger }: HookParameters<'astro:server:setup'>): void {
  const dir = state.settings.contentDir;
  server.watcher.add(dir);
  const cache = new CheckCache();
  let pending = new Map<string, 'change' | 'rename'>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  /** Checks again for every change seen so far; changes seen while it runs wait for the next. */
  const recheck = async (): Promise<void> => {
    if (pending.size === 0) return;
    const changed = pending;
    pending = new Map();
    // The check names files by their real path (macOS's /tmp is a link): so does its cache.
    const real = realOrResolved(dir);
    for (const [file, what] of changed) cache.forget(path.join(real, path.relative(dir, file)), what);
    const result = await loadModel({ ...state.recheck, contentDir: dir, today: state.settings.today, cache });
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

  const onEvent = (what: 'change' | 'rename') => (file: string) => {
    const relative = path.relative(dir, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return;
    pending.set(file, what === 'change' && pending.get(file) !== 'rename' ? 'change' : 'rename');
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(recheck).catch((error: unknown) => logger.error(`the content could not be checked again: ${String(error)}`));
    }, SETTLE_MS);
  };
  server.watcher.on('change', onEvent('change'));
  server.watcher.on('add', onEvent('rename'));
  server.watcher.on('unlink', onEvent('rename'));
  server.watcher.on('addDir', onEvent('rename'));
  server.watcher.on('unlinkDir', onEvent('rename'));
}

function realOrResolved(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}
