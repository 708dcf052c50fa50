import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { inBuildTurn } from './build-turn.ts';
import { writeTree } from './tree.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const cli = path.join(ROOT, 'plugins/cli/main.js');

export interface BuildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  out: string;
}

/**
 * Builds a site with the real CLI, as `npm run build` does, into `out` (a new temporary folder
 * by default), in this file's turn to build (see build-turn.ts).
 */
export function buildSite(options: {
  content: string;
  base?: string;
  out?: string;
  env?: Record<string, string>;
  args?: string[];
}): BuildRun {
  const out = options.out ?? path.join(mkdtempSync(path.join(os.tmpdir(), 'archsite-site-')), 'dist');
  const run = inBuildTurn(() =>
    spawnSync(process.execPath, [cli, 'build', '--content', options.content, '--out', out, ...(options.args ?? [])], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ARCHSITE_BASE: options.base ?? '/', ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
      timeout: 300_000,
    }),
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, out };
}

/** Writes a content tree (`{ 'content/system.yaml': ... }`) and builds it under `base`, with a diagram cache of its own. */
export function buildTree(files: Record<string, string>, base = '/'): BuildRun {
  const root = writeTree(files);
  return buildSite({
    content: path.join(root, 'content'),
    base,
    env: { ARCHSITE_CACHE_DIR: mkdtempSync(path.join(os.tmpdir(), 'archsite-cache-')) },
  });
}

/** The parsed HTML of a built page: `page(out, 'services/x/')`. */
export function page(out: string, route: string): Root {
  return fromHtml(readFileSync(path.join(out, route, route.endsWith('.html') ? '' : 'index.html'), 'utf8'));
}

/** Text of every element matching `selector`, whitespace collapsed. */
export function texts(tree: Root, selector: string): string[] {
  return selectAll(selector, tree).map((n) => {
    // A row reads as its cells separated by spaces.
    const cells = n.tagName === 'tr' ? selectAll('td, th', n).map((c) => toString(c)) : [toString(n)];
    return cells.join(' ').replace(/\s+/g, ' ').trim();
  });
}

/** `href` of every element matching `selector`. */
export function hrefs(tree: Root, selector: string): string[] {
  return selectAll(selector, tree).map((n) => String(n.properties.href ?? ''));
}

export function text(tree: Root, selector: string): string | undefined {
  const node = select(selector, tree);
  return node ? toString(node).replace(/\s+/g, ' ').trim() : undefined;
}

/** A page section (`data-section="called-by"`), or an empty tree when the page has none. */
export function section(tree: Root, id: string): Root {
  const node = select(`section[data-section="${id}"]`, tree);
  return { type: 'root', children: node ? [node] : [] };
}

/** Every file of a folder with its hash: two equal snapshots are byte-identical trees. */
export function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(`${path.relative(dir, full)} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`);
    }
  };
  walk(dir);
  return out;
}

/** The day the bundled example is built on: its risk register has one review past due then. */
export const EXAMPLE_TODAY = '2026-12-01';
/** The base the bundled example is built under: a GitHub Pages project site. */
export const EXAMPLE_BASE = '/archsite/';

/**
 * A site built once for the whole test run, in `<run's temporary folder>/<name>/`: the first
 * file to ask builds it (`build` gets that folder), in its turn; the others find it done. A
 * build that failed is not kept: the file that saw it reports it, and the next file builds again.
 */
function builtOnce(name: string, build: (dir: string) => BuildRun): BuildRun & { dir: string } {
  const dir = path.join(os.tmpdir(), name);
  const record = path.join(dir, 'run.json');
  return inBuildTurn(() => {
    if (existsSync(record)) return { ...(JSON.parse(readFileSync(record, 'utf8')) as BuildRun), dir };
    mkdirSync(dir, { recursive: true });
    const run = build(dir);
    if (run.code === 0) writeFileSync(record, JSON.stringify(run));
    return { ...run, dir };
  });
}

/**
 * The bundled example, built once for the whole test run, as `npm run docs` builds it (with
 * archsite's own reference) under a GitHub Pages base, on a fixed day, with its phases written
 * (`--timings`): the files that read it share the one build. `timings` is where its phases are.
 */
export function exampleSite(): BuildRun & { timings: string } {
  const { dir, ...run } = builtOnce('archsite-example', (dir) =>
    buildSite({
      content: path.join(ROOT, 'content'),
      base: EXAMPLE_BASE,
      out: path.join(dir, 'dist'),
      env: { ARCHSITE_REFERENCE: '1' },
      args: ['--today', EXAMPLE_TODAY, '--timings', path.join(dir, 'timings.json')],
    }),
  );
  return { ...run, timings: path.join(dir, 'timings.json') };
}

/** test/fixtures/site-facts's content, and the base it is built under (factsSite). */
export const FACTS_CONTENT = path.join(ROOT, 'test/fixtures/site-facts/content');
export const FACTS_BASE = '/lib/';

/**
 * test/fixtures/site-facts (a small library: loans, a catalogue, their events, people and
 * systems), built once for the whole test run under FACTS_BASE with a diagram cache of its own
 * (`cache`, empty before the build): with Chromium drawing the diagrams, or without one (left to
 * the reader's browser). The files that read its pages and its diagrams share the two builds.
 */
export function factsSite(chromium: 'chromium' | 'none'): BuildRun & { cache: string } {
  const { dir, ...run } = builtOnce(`archsite-facts-${chromium}`, (dir) =>
    buildSite({
      content: FACTS_CONTENT,
      base: FACTS_BASE,
      out: path.join(dir, 'dist'),
      // The Chromium the build finds by itself (or ARCHSITE_CHROMIUM's), or none.
      env: { ARCHSITE_CACHE_DIR: path.join(dir, 'cache'), ...(chromium === 'none' ? { ARCHSITE_CHROMIUM: 'none' } : {}) },
    }),
  );
  return { ...run, cache: path.join(dir, 'cache') };
}
