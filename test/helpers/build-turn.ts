import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { isRunning } from '../../plugins/cli/process.ts';

/**
 * One archsite build at a time across the site test files, which run side by side: the CLI
 * refuses a second build in the same project (cli/build-lock.ts), and a dev server shares the
 * project's `.astro/` with a build. A file waits for its turn instead, so a build only ever
 * runs beside another file's browser tests, never beside another build.
 *
 * The turn is a folder (made atomically) holding the process id of the file that has it; a
 * turn left by a process that died is taken over. Taken again by the file that holds it, it is
 * only counted.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
/** In the project, not the run's temporary folder: two runs in one checkout take turns too. */
const TURN = path.join(ROOT, 'node_modules/.cache/archsite-test-build-turn');
const OWNER = path.join(TURN, 'pid');
mkdirSync(path.dirname(TURN), { recursive: true });
const WAIT_MS = 50;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

let held = 0;

/** Waits (blocking this file, which has nothing else to do) until no other file builds. */
export function takeBuildTurn(): void {
  if (held++ > 0) return;
  for (;;) {
    try {
      mkdirSync(TURN);
      writeFileSync(OWNER, String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner: number | undefined;
    try {
      owner = Number(readFileSync(OWNER, 'utf8'));
    } catch {
      // Made a moment ago, its owner not yet written.
    }
    if (owner !== undefined && Number.isInteger(owner) && owner > 0 && !isRunning(owner)) rmSync(TURN, { recursive: true, force: true });
    else Atomics.wait(sleeper, 0, 0, WAIT_MS);
  }
}

export function giveBuildTurn(): void {
  if (held === 0 || --held > 0) return;
  rmSync(TURN, { recursive: true, force: true });
}

/** Runs `work` in this file's turn to build. */
export function inBuildTurn<T>(work: () => T): T {
  takeBuildTurn();
  try {
    return work();
  } finally {
    giveBuildTurn();
  }
}

/**
 * Holds the turn for the whole file, or, called in a \`describe\`, for that suite: for tests that
 * start builds or a dev server themselves, and watch how the project's one-build rule and
 * killed builds behave.
 */
export function holdBuildTurn(): void {
  beforeAll(() => takeBuildTurn());
  afterAll(() => giveBuildTurn());
}
