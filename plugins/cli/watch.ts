import { watch } from 'chokidar';
import { statSync } from 'node:fs';
import path from 'node:path';
import { ChangeBurst, outsideContent, realOrResolved, type FileChange } from '../model/change-burst.ts';
import { CheckCache } from '../model/check-cache.ts';
import { formatDiagnostics, formatSummary } from '../model/format.ts';
import { printable } from '../model/diagnostics.ts';
import { ContentFolderError, loadModel, type LoadResult } from '../model/load.ts';
import { gitTop } from './git-top.ts';
import { todayOf } from '../model/reviews.ts';
import type { CliOptions } from './args.ts';

/**
 * `check --watch`: checks the content, then again after every change, until stopped
 * (Ctrl+C). A run re-reads and re-parses only the files that changed since the last (see
 * model/check-cache.ts); everything after parsing runs over the whole model, so the
 * diagnostics are the ones `check` prints. Each run ends with the summary and how long it took.
 */
export async function runCheckWatch(options: Pick<CliOptions, 'contentDir' | 'format' | 'minCompleteness' | 'today'>): Promise<number> {
  let cache = new CheckCache();
  let first = true;
  // Asked of git once: the repository does not move while the content is watched.
  const top = gitTop(process.cwd());
  /** Checks and prints; false when the content folder is gone (the first time, that is a usage error, exit 2). */
  const check = async (reason: string): Promise<boolean> => {
    const started = performance.now();
    let result: LoadResult;
    try {
      result = await loadModel({
        contentDir: options.contentDir,
        minCompleteness: options.minCompleteness,
        today: options.today ?? todayOf(new Date()),
        gitTop: top,
        cache,
      });
    } catch (error) {
      if (first || !(error instanceof ContentFolderError)) throw error;
      return false;
    } finally {
      first = false;
    }
    const ms = Math.round(performance.now() - started);
    if (options.format === 'json') {
      process.stdout.write(`${JSON.stringify(JSON.parse(formatDiagnostics(result.diagnostics, 'json')))}\n`);
      return true;
    }
    if (process.stdout.isTTY) process.stdout.write('\x1bc');
    if (result.diagnostics.length > 0) process.stdout.write(`${formatDiagnostics(result.diagnostics, options.format)}\n`);
    process.stdout.write(`${formatSummary(result.diagnostics, result.stats)} ${reason} in ${ms} ms; watching for changes\n`);
    return true;
  };

  let watching: FolderWatch | undefined;
  let gone: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const shown = printable(options.contentDir);
  /** Watches the content folder and checks it; when it is gone, says so and waits for it to come back. */
  const start = async (reason: string): Promise<void> => {
    await watching?.close();
    // The real path, as the check names files (its cache is keyed by them): a content folder
    // reached through a symbolic link (macOS's /tmp) must not make a change go unseen.
    watching = await watchFolder(realOrResolved(options.contentDir), (changed) => {
      running = running.then(async () => {
        for (const [file, what] of changed) cache.forget(file, what);
        const names = [...changed.keys()].map((f) => path.relative(realOrResolved(options.contentDir), f) || '.');
        if (!(await check(`re-checked after ${names.length === 1 ? names[0] : `${names.length} changes`}`))) await waitForFolder();
      });
    });
    if (!(await check(reason))) await waitForFolder();
  };
  const waitForFolder = async (): Promise<void> => {
    if (gone) return;
    await watching?.close();
    watching = undefined;
    cache = new CheckCache();
    process.stdout.write(`archsite: the content folder '${shown}' is gone; waiting for it to come back (Ctrl+C stops)\n`);
    gone = setInterval(() => {
      if (!isFolder(options.contentDir)) return;
      clearInterval(gone);
      gone = undefined;
      running = running.then(() => start('checked again: the content folder is back'));
    }, GONE_POLL_MS);
  };

  await start('checked');
  return new Promise((resolve) => {
    const stop = () => {
      clearInterval(gone);
      void Promise.all([watching?.close(), running]).then(() => resolve(0));
    };
    process.once('SIGINT', stop).once('SIGTERM', stop);
  });
}

/** How often a watcher whose content folder is gone looks for it again. */
const GONE_POLL_MS = 300;

interface FolderWatch {
  close(): Promise<void>;
}

/**
 * Watches a folder with chokidar (not fs.watch: Node's recursive watcher on Linux loses a
 * file that an editor saves by writing a new file over it: vim, JetBrains' safe write,
 * sed -i), and reports each burst of changes once it has settled. Resolves once watching is
 * true: changes made from then on are seen.
 */
async function watchFolder(dir: string, onChange: (changed: ReadonlyMap<string, FileChange>) => void): Promise<FolderWatch> {
  const burst = new ChangeBurst(onChange);
  const watcher = watch(dir, { ignoreInitial: true, ignored: (file) => outsideContent(dir, file) });
  watcher.on('all', (event, file) => burst.add(path.resolve(file), event === 'change' ? 'change' : 'rename'));
  // A watcher's own errors (a folder removed under it) are not the content's: the next check says what is wrong.
  watcher.on('error', () => undefined);
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    close: async () => {
      burst.close();
      await watcher.close();
    },
  };
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
