import { execFileSync } from 'node:child_process';
import { crc32, deflateSync } from 'node:zlib';
import { selectAll } from 'hast-util-select';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, page, ROOT, snapshot, texts, type BuildRun } from '../helpers/build.ts';

/**
 * Incremental page output: a rebuild serves unchanged pages from the page store. Whatever
 * was edited, its output must be byte for byte what a clean build of the same content gives.
 *
 * The content is a small shop (test/fixtures/incremental/) with one of each kind an edit here
 * reaches: services that call and consume each other, an event with its schema file, a
 * decision, a free page, a deployment, a requirement and a risk, and a domain no edit reaches.
 * The file's ten builds of it took 108 s on two cores, where ten of the bundled example took 157 s.
 */
const BASE = '/archsite/';
const work = mkdtempSync(path.join(os.tmpdir(), 'archsite-incremental-'));
const content = path.join(work, 'content');
cpSync(path.join(ROOT, 'test/fixtures/incremental/content'), content, { recursive: true });
// A free page with an image Astro optimizes: a page thread hands such a page back to the build's
// own thread, where Astro collects the images it makes.
writeFileSync(path.join(content, 'docs/picture.png'), tinyPng());
writeFileSync(
  path.join(content, 'docs/picture.mdx'),
  "---\ntitle: Picture\n---\nimport { Image } from 'astro:assets';\nimport picture from './picture.png';\n\n<Image src={picture} alt=\"A red square\" />\n",
);
// Diagrams are cached by their text, so both kinds of build can share them; pages are not.
const diagrams = path.join(work, 'cache');

// The content lives in a git repository, as it does for users: pages show commit dates.
const commit = (date: string) => {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.org', GIT_AUTHOR_DATE: date };
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: work,
      env: { ...env, GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.org', GIT_COMMITTER_DATE: date },
    });
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', `content as of ${date}`);
};
execFileSync('git', ['init', '-q'], { cwd: work });
writeFileSync(path.join(work, '.gitignore'), 'cache/\n');
commit('2024-01-01T00:00:00Z');

// The first build renders pages in a page thread too (prerender/page-threads.ts), the others in
// the build's own thread alone: the pages it keeps, and the reads the thread recorded for them,
// are compared below with clean builds after every edit.
const build = (incremental: boolean, threads = '0'): BuildRun => {
  const run = buildSite({
    content,
    base: BASE,
    env: { ARCHSITE_CACHE_DIR: diagrams, ARCHSITE_PAGE_THREADS: threads, ...(incremental ? {} : { ARCHSITE_PAGE_CACHE: '0' }) },
  });
  expect(run.stderr).not.toMatch(/error/i);
  expect(run.code).toBe(0);
  return run;
};

const pagesLine = (run: BuildRun) => {
  const match = /archsite: (\d+) pages rendered and (\d+) unchanged since the last build/.exec(run.stdout);
  expect(match, run.stdout).not.toBeNull();
  return { rendered: Number(match![1]), reused: Number(match![2]) };
};

const edit = (file: string, change: (text: string) => string) => {
  const full = path.join(content, file);
  const before = readFileSync(full, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(full, after);
};

let first: BuildRun;
beforeAll(() => {
  first = build(true, '1');
}, 300_000);

describe('incremental page output', () => {
  it('renders every page on the first build, and none again when nothing changed', () => {
    const { rendered, reused } = pagesLine(first);
    expect(reused).toBe(0);
    expect(rendered).toBeGreaterThan(40);
    // The page thread rendered a share of them (pages, and their Markdown and other endpoints).
    const threaded = /archsite: (\d+) pages rendered in a page thread, (\d+) in the build's own/.exec(first.stdout);
    expect(threaded, first.stdout).not.toBeNull();
    expect(Number(threaded![1])).toBeGreaterThan(10);
    expect(first.stdout).not.toMatch(/build's own thread only|ERROR/);
    const image = page(first.out, 'docs/picture/');
    expect(selectAll('img[alt="A red square"]', image).map((img) => img.properties.width)).toEqual([8]);
    const again = build(true);
    // Bar the page with an optimized image: Astro makes the image only as the page renders.
    expect(pagesLine(again)).toEqual({ rendered: 1, reused: rendered - 1 });
    expect(snapshot(again.out)).toEqual(snapshot(first.out));
  }, 300_000);

  it('after edits to a service, a dependency, a decision and a free page, renders only what they reach, and gives what a clean build gives', () => {
    const total = pagesLine(first).rendered;
    edit('services/notification-service.yaml', (t) =>
      t.replace(/^responsibility: .*$/m, 'responsibility: Tells customers what happened, by mail, SMS and push.'),
    );
    edit('services/notification-service.yaml', (t) =>
      t.replace(/^dependencies:\n/m, 'dependencies:\n  - target: product-service\n    protocol: REST\n'),
    );
    edit('decisions/0001-use-kafka.md', (t) => t.replace(/^## Decision$/m, '## Decision\n\nA sentence added to the decision.'));
    const doc = readdirSync(path.join(content, 'docs')).find((f) => f.endsWith('.md'))!;
    edit(`docs/${doc}`, (t) => `${t}\nA paragraph added at the end.\n`);

    const incremental = build(true);
    const { rendered, reused } = pagesLine(incremental);
    expect(rendered).toBeGreaterThan(4);
    // None of the edits reaches the customers domain: its page, its team's, its database's and
    // its six services' are kept, so at least nine pages are not rendered again (the shop's
    // other pages nearly all show an edited element).
    expect(rendered).toBeLessThanOrEqual(total - 9);
    expect(rendered + reused).toBe(total);
    const clean = build(false);
    expect(clean.stdout).not.toMatch(/pages rendered/);
    expect(snapshot(incremental.out)).toEqual(snapshot(clean.out));
  }, 300_000);

  it('after an edit to an event schema file alone, renders the event page again', () => {
    edit('events/order.updated.schema.json', (t) => t.replace(/"description": "/, '"description": "Edited. '));
    const incremental = build(true);
    const { rendered } = pagesLine(incremental);
    expect(rendered).toBeGreaterThanOrEqual(1);
    expect(rendered).toBeLessThan(5);
    expect(snapshot(incremental.out)).toEqual(snapshot(build(false).out));
  }, 300_000);

  it('after a commit that changes no content, renders again the pages that show the new dates', () => {
    // What the tests above edited is committed now: the same text, new dates.
    commit('2025-06-01T12:00:00Z');
    const incremental = build(true);
    const { rendered } = pagesLine(incremental);
    expect(rendered).toBeGreaterThanOrEqual(4);
    expect(rendered).toBeLessThan(pagesLine(first).rendered / 2);
    const changed = texts(page(incremental.out, ''), '#recently-changed + ul li');
    expect(changed[0]).toMatch(/2025-06-01$/);
    expect(changed.join('\n')).toContain('Notification Service');
    // Each page says when its file was last committed: an element's, and a free page's alike.
    const doc = readdirSync(path.join(content, 'docs'))
      .find((f) => f.endsWith('.md'))!
      .replace(/\.md$/, '');
    for (const route of ['services/notification-service/', `docs/${doc}/`])
      expect(
        selectAll('footer .meta p > time[datetime]', page(incremental.out, route)).map((t) => t.properties.dateTime),
        route,
      ).toEqual(['2025-06-01T12:00:00.000Z']);
    expect(snapshot(incremental.out)).toEqual(snapshot(build(false).out));
  }, 300_000);

  it('after a rename, which every page shows in its sidebar, renders every page again', () => {
    edit('services/order-service.yaml', (t) => t.replace(/^name: .*$/m, 'name: Orders'));
    const incremental = build(true);
    expect(pagesLine(incremental).reused).toBe(0);
    expect(snapshot(incremental.out)).toEqual(snapshot(build(false).out));
  }, 300_000);
});

/** An 8 × 8 red PNG. */
function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(8, 0);
  header.writeUInt32BE(8, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: 8 }, () => Buffer.from([0, ...Array.from({ length: 8 }, () => [255, 0, 0]).flat()])));
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
