import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from './out-dir.ts';
import { isRunning } from './process.ts';

/**
 * Builds go into a staging folder next to the output, and replace it by renames on one file
 * system only once they succeeded: the output is either the old site or the new one, never
 * half of either, even when the build is killed.
 */
export class Publisher {
  readonly #dist: string;
  readonly #work: string;

  constructor(dist: string) {
    this.#dist = dist;
    this.#work = path.join(path.dirname(dist), '.archsite');
  }

  /** A fresh staging folder for this process, after tidying up what killed builds left. */
  stage(): string {
    makeFolders(this.#work);
    this.#recover();
    const staging = path.join(this.#work, `build-${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    return staging;
  }

  /** Puts the staged site in place of the output, marked as archsite's (see out-dir.ts). */
  publish(staging: string): void {
    mkdirSync(path.dirname(path.join(staging, OUTPUT_MARKER)), { recursive: true });
    writeFileSync(path.join(staging, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
    const previous = path.join(this.#work, `previous-${process.pid}`);
    if (existsSync(this.#dist)) renameSync(this.#dist, previous);
    renameSync(staging, this.#dist);
    rmSync(previous, { recursive: true, force: true });
    this.#tidy();
  }

  /** Drops a staged site that failed. */
  discard(staging: string): void {
    rmSync(staging, { recursive: true, force: true });
    this.#tidy();
  }

  /**
   * A build killed between its two renames left the old site aside: put it back. Staging
   * folders of builds that no longer run are deleted.
   */
  #recover(): void {
    for (const name of readdirSync(this.#work).sort()) {
      const match = /^(build|previous)-(\d+)$/.exec(name);
      if (!match || isRunning(Number(match[2]))) continue;
      const folder = path.join(this.#work, name);
      if (match[1] === 'previous' && !existsSync(this.#dist)) renameSync(folder, this.#dist);
      else rmSync(folder, { recursive: true, force: true });
    }
  }

  #tidy(): void {
    try {
      rmdirSync(this.#work);
    } catch {
      // Another build is using it.
    }
  }
}

/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir never returns for some paths it
 * cannot create (under /proc, for one), where this fails with the first level's error.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let current = path.resolve(dir); !existsSync(current); current = path.dirname(current)) {
    missing.push(current);
    if (path.dirname(current) === current) break;
  }
  for (const folder of missing.reverse()) mkdirSync(folder);
}
