/**
 * `npm run dev`'s figures for the bench: how long after the command the first service page
 * is answered (nothing cached, then again with the diagrams of the first run kept), and how
 * long after a service file is saved its page shows the change.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.ts';
import { median } from './measure.ts';

export interface DevFigures {
  /** From the command to the first service page answered, with nothing cached (ms, medians). */
  readonly first: number;
  /** The same, started again with the diagrams the first runs rendered kept. */
  readonly again: number;
  /** From saving a service file to its page answering with the change. */
  readonly edit: number;
}

/** Measures `dev` on `content`, whose services/svc-0000.yaml is edited (and put back). */
export async function measureDev(cli: string, root: string, content: string, runs: number): Promise<DevFigures> {
  const cache = mkdtempSync(path.join(os.tmpdir(), 'archsite-bench-dev-'));
  const file = path.join(content, 'services', 'svc-0000.yaml');
  const original = readFileSync(file, 'utf8');
  const firsts: number[] = [];
  const agains: number[] = [];
  const edits: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      rmSync(cache, { recursive: true, force: true });
      // Astro keeps content between runs too: nothing cached means without it.
      rmSync(path.join(root, '.astro'), { recursive: true, force: true });
      rmSync(path.join(root, 'node_modules/.astro'), { recursive: true, force: true });
      // Once answered, the diagrams are rendered in the background: waited for, so that the next start has them.
      firsts.push((await serve(cli, root, content, cache, (_page, said) => until(() => /archsite: \d+ diagrams/.test(said())))).first);
      agains.push(
        (
          await serve(cli, root, content, cache, async (page) => {
            for (let edit = 0; edit < 3; edit++) {
              // As between two saves.
              await new Promise((resolve) => setTimeout(resolve, 300));
              const marker = `Bench edit ${i}-${edit} handles`;
              const started = performance.now();
              writeFileSync(file, original.replace('responsibility: Handles', `responsibility: ${marker}`));
              while (!(await page()).includes(marker)) await new Promise((resolve) => setTimeout(resolve, 20));
              edits.push(performance.now() - started);
            }
          })
        ).first,
      );
      writeFileSync(file, original);
    }
  } finally {
    writeFileSync(file, original);
    rmSync(cache, { recursive: true, force: true });
  }
  return { first: median(firsts), again: median(agains), edit: median(edits) };
}

/** Starts the dev server, waits for the first service page, runs `then`, and stops the server. */
async function serve(
  cli: string,
  root: string,
  content: string,
  cache: string,
  then: (page: () => Promise<string>, said: () => string) => Promise<void>,
): Promise<{ first: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'dev', '--content', content, '--port', String(port), '--host', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ARCHSITE_CACHE_DIR: cache },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d));
  child.stderr.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}/services/svc-0000/`;
  const page = async (): Promise<string> => {
    try {
      const response = await fetch(url);
      return response.ok ? await response.text() : '';
    } catch {
      return '';
    }
  };
  try {
    const deadline = Date.now() + 300_000;
    while (!(await page()).includes('</html>')) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the dev server did not answer:\n${output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const first = performance.now() - started;
    await then(page, () => output);
    return { first };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** Waits until `done()` holds, for five minutes at most. */
async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('gave up waiting for the dev server');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
