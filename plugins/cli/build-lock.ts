import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { refusal } from './args.ts';
import { isRunning } from './process.ts';

/**
 * One build at a time in one archsite project. Astro keeps build state in the project
 * (`.astro/`, and its prerender folder for an output outside the working directory), which
 * two builds at once would write over each other. The second build says so in one line
 * instead of dying half-way. A lock left by a build that no longer runs is taken over.
 */
export class BuildLock {
  readonly #file: string;
  #held = false;

  constructor(projectRoot: string) {
    this.#file = path.join(projectRoot, 'node_modules', '.cache', 'archsite', 'build.lock');
  }

  /** Takes the lock, or throws a usage error naming the build that holds it. */
  acquire(): void {
    mkdirSync(path.dirname(this.#file), { recursive: true });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.#file, 'wx');
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        this.#held = true;
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = this.#holder();
      if (holder === undefined)
        // Just created by a build that has not written its process id yet (or left unreadable).
        throw refusal(`another build is starting in this project; try again when it has finished (or delete ${this.#file})`);
      if (isRunning(holder)) throw refusal(`another build is running in this project (process ${holder}); wait for it to finish`);
      // Left by a build that was killed.
      try {
        unlinkSync(this.#file);
      } catch {
        // Another build took it over first; the next attempt tells.
      }
    }
    throw refusal(`another build is starting in this project; try again when it has finished (or delete ${this.#file})`);
  }

  release(): void {
    if (!this.#held) return;
    this.#held = false;
    try {
      unlinkSync(this.#file);
    } catch {
      // Already gone.
    }
  }

  #holder(): number | undefined {
    try {
      const pid = Number.parseInt(readFileSync(this.#file, 'utf8'), 10);
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }
}
