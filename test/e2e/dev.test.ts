import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bench/free-port.ts';
import { FACTS_CONTENT, ROOT } from '../helpers/build.ts';
import { holdBuildTurn } from '../helpers/build-turn.ts';

/**
 * `archsite dev` on a small architecture with nothing cached: the first page does not wait
 * for the diagrams (they are rendered in the background, and drawn by the reader's browser
 * until they are ready), the pages are static once they are, and an edit shows on reload.
 */
const BASE = '/lib/';
const work = mkdtempSync(path.join(os.tmpdir(), 'archsite-dev-'));
const content = path.join(work, 'content');
cpSync(FACTS_CONTENT, content, { recursive: true });

// A dev server shares the project's `.astro/` with a build: none runs meanwhile.
holdBuildTurn();

let server: ChildProcess;
let url: string;
let output = '';

/** The page at `route`, once the server answers it. */
async function get(route: string): Promise<string> {
  const response = await fetch(`${url}${route}`);
  expect(response.status, route).toBe(200);
  return response.text();
}

/** Waits until `done()` holds, checking every quarter second. */
async function until(what: string, done: () => Promise<boolean> | boolean, timeout = 120_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}; the server said:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}${BASE}`;
  server = spawn(
    process.execPath,
    [path.join(ROOT, 'plugins/cli/main.js'), 'dev', '--content', content, '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: ROOT,
      env: {
        // As a user starts it: not as a test (Vitest's variables make Astro's dev server keep quiet and serve nothing).
        ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^VITEST/.test(name) && name !== 'NODE_ENV')),
        ARCHSITE_BASE: BASE,
        ARCHSITE_CACHE_DIR: mkdtempSync(path.join(os.tmpdir(), 'archsite-dev-cache-')),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      detached: true,
    },
  );
  server.on('exit', (code, signal) => (output += `[exited: ${code} ${signal}]`));
  server.on('error', (error) => (output += `[could not start: ${error.message}]`));
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await until('the server to answer', async () => (await fetch(url).catch(() => undefined))?.status === 200);
}, 180_000);

afterAll(() => {
  // The dev server and the Chromium it started, as a group.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

describe('archsite dev', () => {
  it('serves pages while the diagrams render, every figure drawn one way or the other, then static once they are', async () => {
    const first = await get('services/notifier/');
    // Each figure holds either its SVG or its mermaid text for the browser to draw: never nothing.
    const figures = first.match(/<figure class="as-diagram/g) ?? [];
    expect(figures.length).toBeGreaterThan(0);
    const drawn = (first.match(/<svg id="d[0-9a-f]{12}-l"/g) ?? []).length + (first.match(/class="as-mermaid-client"/g) ?? []).length;
    expect(drawn).toBeGreaterThanOrEqual(figures.length);
    await until('the diagrams to be rendered', () => /archsite: \d+ diagrams, \d+ rendered/.test(output));
    const later = await get('services/notifier/');
    expect(later).not.toContain('<pre class="as-mermaid-client"');
    expect(later).toMatch(/<svg id="d[0-9a-f]{12}-l"/);
    expect(output).not.toMatch(/\[ERROR\]|internal error|could not be rendered/);
  }, 180_000);

  it("serves archsite's pages alone: no Astro toolbar in them, and no advice to upgrade the Astro archsite pins", async () => {
    const page = await get('services/notifier/');
    expect(page).toContain('<figure class="as-diagram');
    expect(page).not.toMatch(/dev-toolbar/);
    expect(output).not.toMatch(/New version of Astro|@astrojs\/upgrade/);
  });

  it('shows an edit on the next load', async () => {
    const file = path.join(content, 'services/notifier.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('responsibility: Reminds members of overdue loans.', 'responsibility: Nags members.'),
    );
    // Polled from the moment the file is written: before the server has read it again, a page may fail to render.
    await until(
      'the edit to show',
      async () => {
        const response = await fetch(`${url}services/notifier/`);
        return response.status === 200 && (await response.text()).includes('Nags members.');
      },
      60_000,
    );
    // Its neighbourhood's boxes are drawn with the new text, in the browser or as an SVG.
    expect(await get('services/notifier/')).toMatch(/<figure class="as-diagram/);
  }, 90_000);
});
