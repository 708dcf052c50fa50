import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../plugins/astro/settings.ts';
import { PageThreadPool } from '../../plugins/astro/prerender/page-thread-pool.ts';
import { pageThreadCount } from '../../plugins/astro/prerender/page-threads.ts';
import { siteDigest } from '../../plugins/astro/prerender/site-digest.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { siteOf } from '../helpers/site.ts';
import { BASE, writeTree } from '../helpers/tree.ts';

/**
 * Page threads (astro/prerender/): how many a build starts, and how a thread makes sure its
 * site is the build's before it renders a page. That they render pages byte for byte as the
 * build's own thread does, and record what the page cache needs, is in incremental.test.ts.
 */

const siteIn = async (root: string) => {
  const checked = await loadModel({ contentDir: 'content', cwd: root });
  return siteOf({ ...checked, model: checked.model! });
};

describe('page threads', () => {
  it.each([
    // pages, cores, threads
    [0, 2, 0],
    [199, 16, 0],
    [200, 1, 0],
    [200, 2, 1],
    [877, 2, 1],
    [877, 4, 2],
    [4173, 2, 1],
    [4173, 4, 3],
    [4173, 64, 10],
  ])('a site of %i pages on %i cores gets %i threads', (pages, cores, threads) => {
    expect(pageThreadCount(pages, cores)).toBe(threads);
  });

  it('reads ARCHSITE_PAGE_THREADS as a count, and anything else as unset', () => {
    const threads = (value: string | undefined) => readSettings({ ARCHSITE_PAGE_THREADS: value }, '/project').pageThreads;
    expect(threads('0')).toBe(0);
    expect(threads(' 3 ')).toBe(3);
    expect(threads(undefined)).toBeUndefined();
    expect(threads('two')).toBeUndefined();
    expect(threads('-1')).toBeUndefined();
    expect(threads('1.5')).toBeUndefined();
  });

  it('gives content read twice the same digest, and content changed in between another', async () => {
    const root = writeTree(BASE);
    const first = siteDigest(await siteIn(root));
    expect(siteDigest(await siteIn(root))).toBe(first);
    writeFileSync(path.join(root, 'content/services/billing.yaml'), 'name: Billing\nresponsibility: Bills orders, twice.\ndomain: shop\n');
    expect(siteDigest(await siteIn(root))).not.toBe(first);
  });

  it('has a thread whose content changed since the build read it refuse, before it loads any page', async () => {
    const root = writeTree(BASE);
    const site = await siteIn(root);
    const digest = siteDigest(site);
    // The content changes after the build read it, before the thread reads it.
    writeFileSync(path.join(root, 'content/services/billing.yaml'), 'name: Billing\nresponsibility: Bills orders, twice.\ndomain: shop\n');
    const settings = readSettings({ ARCHSITE_CONTENT: 'content' }, root, root);
    const refused = await new Promise<string>((resolve) => {
      const pool = new PageThreadPool(1, { settings, cwd: root, checkStore: undefined }, { refused: resolve, log: () => {} });
      pool.go({
        type: 'go',
        // Never loaded: the thread refuses first.
        entry: 'file:///nowhere/prerender-entry.mjs',
        views: site.diagrams.views,
        mode: 'client',
        known: { git: site.git, history: site.history },
        digest,
        recording: true,
        head: { styles: new Map(), bundles: new Map(), scripts: [] },
      });
    });
    expect(refused).toBe('the content changed while the site was built');
  });
});
