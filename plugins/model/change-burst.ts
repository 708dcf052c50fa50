import { realpathSync } from 'node:fs';
import path from 'node:path';

/** How a file changed: its text (`change`), or whether it is there at all (`rename`: added, removed or renamed). */
export type FileChange = 'change' | 'rename';

/** How long to wait for an editor's burst of writes (save, rename, touch) to end before checking again. */
const SETTLE_MS = 20;

/**
 * The files a burst of writes changed, handed on once the burst has settled: one check per
 * save, however many writes the editor made (`sed -i` and many editors write a new file, then
 * rename it over the old). A file added, removed or renamed at any point counts as renamed.
 */
export class ChangeBurst {
  #pending = new Map<string, FileChange>();
  #timer: NodeJS.Timeout | undefined;
  readonly #settled: (changed: ReadonlyMap<string, FileChange>) => void;

  constructor(settled: (changed: ReadonlyMap<string, FileChange>) => void) {
    this.#settled = settled;
  }

  add(file: string, change: FileChange): void {
    this.#pending.set(file, change === 'change' && this.#pending.get(file) !== 'rename' ? 'change' : 'rename');
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const changed = this.#pending;
      this.#pending = new Map();
      this.#settled(changed);
    }, SETTLE_MS);
  }

  /** Drops the burst in progress. */
  close(): void {
    clearTimeout(this.#timer);
  }
}

/** Whether a change to `file` is none of the content's: outside `dir`, or in a hidden file or folder, or in node_modules (as the content's listing skips them). */
export function outsideContent(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return true;
  return relative.split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules');
}

/** The real path of a content folder, as the check names its files (macOS's /tmp is a link); as given when it is gone. */
export function realOrResolved(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}
