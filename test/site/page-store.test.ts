import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageParts } from '../../plugins/astro/page-cache/page-parts.ts';
import { PageStore } from '../../plugins/astro/page-cache/page-store.ts';
import { UNKNOWN } from '../../plugins/astro/page-cache/read-hashes.ts';

/** A store over `hashes`: what each read key answers in the build at hand. */
const open = (dir: string, fingerprint: string, hashes: Record<string, string>) =>
  new PageStore(dir, fingerprint, (key) => hashes[key] ?? '-');

/** What the page cache keeps beside a page (see page-parts.ts), with the script hashes given. */
const parts = (html: string, scripts: string[]) => ({ search: pageParts(html).search!, scripts });

describe('the page store', () => {
  const first = { 'el:service:a': 'h1', 'rel:calls:service:a': 'h2' };
  const DIAGRAM = '<svg id="d0123456789ab-l"><text>a</text></svg>';

  async function stored(): Promise<string> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'archsite-pages-'));
    const store = open(dir, 'f1', first);
    store.keep(
      '/services/a/',
      ['el:service:a', 'rel:calls:service:a'],
      `<html>a${DIAGRAM}</html>`,
      parts(`<html>a${DIAGRAM}</html>`, ["'sha256-x'"]),
    );
    store.keep('/services/b/', ['el:service:b'], '<html>b</html>', parts('<html>b</html>', []));
    await store.save();
    return dir;
  }

  it('gives a page back when everything it read answers the same, with its script hashes and its search view', async () => {
    const dir = await stored();
    const kept = open(dir, 'f1', first).reuse('/services/a/');
    expect(kept?.scripts).toEqual(["'sha256-x'"]);
    expect(readFileSync(kept!.file, 'utf8')).toBe(`<html>a${DIAGRAM}</html>`);
    expect(readFileSync(kept!.search!, 'utf8')).toBe('<html>a</html>');
  });

  it('keeps a page’s Markdown text as it is, with no search view, and drops it with the page when not part of a build', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'archsite-pages-'));
    const store = open(dir, 'f1', first);
    store.keepText('/services/a/index.html.md', ['el:service:a'], '# A\n\nTakes <orders>.\n');
    await store.save();
    const kept = open(dir, 'f1', first).reuse('/services/a/index.html.md');
    expect(kept?.search).toBeUndefined();
    expect(readFileSync(kept!.file, 'utf8')).toBe('# A\n\nTakes <orders>.\n');
    expect(open(dir, 'f1', { ...first, 'el:service:a': 'h9' }).reuse('/services/a/index.html.md')).toBeUndefined();
    const next = open(dir, 'f1', first);
    await next.save();
    expect(readdirSync(dir).filter((f) => f !== 'manifest.json')).toEqual([]);
  });

  it('renders a page again when one read changed, when the fingerprint changed, or when a read cannot be answered', async () => {
    const dir = await stored();
    expect(open(dir, 'f1', { ...first, 'rel:calls:service:a': 'h3' }).reuse('/services/a/')).toBeUndefined();
    expect(open(dir, 'f2', first).reuse('/services/a/')).toBeUndefined();
    expect(open(dir, 'f1', { ...first, 'el:service:a': UNKNOWN }).reuse('/services/a/')).toBeUndefined();
    // A page the last build did not have.
    expect(open(dir, 'f1', first).reuse('/services/c/')).toBeUndefined();
  });

  it('renders a page again when its stored HTML was changed in place (the output shares the file)', async () => {
    const dir = await stored();
    const kept = open(dir, 'f1', first).reuse('/services/a/')!;
    writeFileSync(kept.file, '<html>edited after the build</html>');
    expect(open(dir, 'f1', first).reuse('/services/a/')).toBeUndefined();
  });

  it('renders a page again when its stored HTML is gone, and drops HTML no page refers to any more', async () => {
    const dir = await stored();
    const html = readdirSync(dir).filter((f) => f.endsWith('.html') && !f.endsWith('.search.html'));
    expect(html).toHaveLength(2);
    for (const file of html) rmSync(path.join(dir, file));
    expect(open(dir, 'f1', first).reuse('/services/a/')).toBeUndefined();

    const again = await stored();
    const store = open(again, 'f1', first);
    expect(store.reuse('/services/a/')).toBeDefined();
    await store.save();
    // /services/b/ is not part of this build: its HTML and its search view go with the save.
    expect(readdirSync(again).filter((f) => f.endsWith('.html'))).toEqual([
      expect.stringMatching(/^[0-9a-f]{20}-[^.]+\.html$/),
      expect.stringMatching(/^[0-9a-f]{20}-[^.]+\.search\.html$/),
    ]);
    expect(open(again, 'f1', first).reuse('/services/b/')).toBeUndefined();
  });

  it('carries a kept page’s reads into the next build, and writes each read once however many pages made it', async () => {
    const dir = await stored();
    // The second build keeps a, and renders b again, now reading a as well.
    const second = { ...first, 'el:service:b': 'h4' };
    const store = open(dir, 'f1', second);
    expect(store.reuse('/services/a/')).toBeDefined();
    expect(store.reuse('/services/b/')).toBeUndefined();
    store.keep('/services/b/', ['el:service:b', 'el:service:a'], '<html>b again</html>', parts('<html>b again</html>', []));
    await store.save();
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { reads: [string, string][] };
    expect(manifest.reads).toEqual([
      ['el:service:a', 'h1'],
      ['el:service:b', 'h4'],
      ['rel:calls:service:a', 'h2'],
    ]);
    // The third build: a's own read changed, which b read too; b's other read did not.
    expect(open(dir, 'f1', { ...second, 'el:service:a': 'h5' }).reuse('/services/a/')).toBeUndefined();
    expect(open(dir, 'f1', { ...second, 'el:service:a': 'h5' }).reuse('/services/b/')).toBeUndefined();
    expect(open(dir, 'f1', { ...second, 'rel:calls:service:a': 'h6' }).reuse('/services/b/')).toBeDefined();
    expect(open(dir, 'f1', { ...second, 'rel:calls:service:a': 'h6' }).reuse('/services/a/')).toBeUndefined();
    expect(open(dir, 'f1', second).reuse('/services/a/')).toBeDefined();
  });

  it('keeps a page as the bytes a page thread hands back, byte for byte, and reads the parts it keeps beside it from the text', async () => {
    const html = '<html><script>go("é")</script><main data-pagefind-body>Ünïcode ✓</main></html>';
    const dir = mkdtempSync(path.join(os.tmpdir(), 'archsite-pages-'));
    const store = open(dir, 'f1', first);
    const read = pageParts(html);
    expect(read.scripts).toEqual([`'sha256-${createHash('sha256').update('go("é")').digest('base64')}'`]);
    store.keep('/services/a/', ['el:service:a'], new TextEncoder().encode(html), { search: read.search!, scripts: read.scripts });
    await store.save();
    const kept = open(dir, 'f1', first).reuse('/services/a/');
    expect(readFileSync(kept!.file, 'utf8')).toBe(html);
    expect(readFileSync(kept!.search!, 'utf8')).toBe(read.search);
    expect(kept!.scripts).toEqual(read.scripts);
    // A page showing an image Astro optimized is rendered every time: nothing to search in the store for it.
    expect(pageParts('<html><img src="/archsite/_astro/picture.hash.webp" alt=""></html>').search).toBeUndefined();
  });
});
