import { watch } from 'chokidar';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { CheckCache } from '../model/check-cache.ts';
import { formatDiagnostics, formatSummary } from '../model/format.ts';
import { loadModel, type LoadResult } from '../model/load.ts';
import type { CliOptions } from './args.ts';

/** How long to wait for an editor's burst of writes (save, rename, touch) to end before checking. */
const SETTLE_MS = 20;

/**
 * `check --watch`: checks the content, then again after every change, until stopped
 * (Ctrl+C). A run re-reads and re-parses only the files that changed since the last (see
 * model/check-cache.ts); everything after parsing runs over the whole model, so the
 * diagnostics are the ones `check` prints. Each run ends with the summary and how long it took.
 */
export async function runCheckWatch(options: Pick<CliOptions, 'contentDir' | 'format' | 'minCompleteness'>): Promise<number> {
  const cache = new CheckCache();
  // The real path, as the check names files (its cache is keyed by them): a content folder
  // reached through a symbolic link (macOS's /tmp) must not make a change go unseen.
  const dir = realOrResolved(options.contentDir);
  const check = async (reason: string) => {
    const started = performance.now();
    let result: LoadResult;
    try {
      result = await loadModel({ contentDir: options.contentDir, minCompleteness: options.minCompleteness, cache });
    } catch (error) {
      // The content folder was removed or renamed: say so, and go on watching for it.
      process.stdout.write(`archsite: ${error instanceof Error ? error.message : String(error)}\n`);
      return;
    }
    const ms = Math.round(performance.now() - started);
    if (options.format === 'json') {
      process.stdout.write(`${JSON.stringify(JSON.parse(formatDiagnostics(result.diagnostics, 'json')))}\n`);
      return;
    }
    if (process.stdout.isTTY) process.stdout.write('\x1bc');
    if (result.diagnostics.length > 0) process.stdout.write(`${formatDiagnostics(result.diagnostics, options.format)}\n`);
    process.stdout.write(`${formatSummary(result.diagnostics, result.stats)} ${reason} in ${ms} ms; watching for changes\n`);
  };

  let pending = new Map<string, 'change' | 'rename'>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  // chokidar, not fs.watch: Node's recursive watcher on Linux loses a file that an editor
  // saves by writing a new file over it (vim, JetBrains' safe write, sed -i).
  const watcher = watch(dir, {
    ignoreInitial: true,
    ignored: (file) =>
      path
        .relative(dir, file)
        .split(path.sep)
        .some((part) => part.startsWith('.') || part === 'node_modules'),
  });
  watcher.on('all', (event, file) => {
    pending.set(path.resolve(file), event === 'change' && pending.get(path.resolve(file)) !== 'rename' ? 'change' : 'rename');
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = pending;
      pending = new Map();
      running = running.then(() => {
        for (const [file, what] of changed) cache.forget(file, what);
        const shown = [...changed.keys()].map((f) => path.relative(dir, f) || '.');
        return check(`re-checked after ${shown.length === 1 ? shown[0] : `${shown.length} changes`}`);
      });
    }, SETTLE_MS);
  });
  // "Watching" is said only once it is true: changes made from then on are seen.
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  await check('checked');
  return new Promise((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      void Promise.all([watcher.close(), running]).then(() => resolve(0));
    };
    process.once('SIGINT', stop).once('SIGTERM', stop);
  });
}

function realOrResolved(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}
