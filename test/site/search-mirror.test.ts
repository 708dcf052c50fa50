import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layOutSearchViews } from '../../plugins/astro/search-mirror.ts';
import { writeTree } from '../helpers/tree.ts';

/** Every file under `dir`, relative, with its text. */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort()
      .map((file) => [path.relative(dir, file), readFileSync(file, 'utf8')]),
  );
}

const DIAGRAM = '<svg id="d0123456789ab-l"><text>drawn</text></svg>';

describe('the search views laid out for pagefind', () => {
  it('links the views the cache kept, makes the others from their pages, and updates the folder in place', () => {
    const out = writeTree({
      'index.html': `<html>home${DIAGRAM}</html>`,
      'services/a/index.html': `<html>a${DIAGRAM}</html>`,
      'services/b/index.html': '<html>b</html>',
      'old/page/index.html': '<html>old</html>',
    });
    const views = writeTree({ 'a.search.html': '<html>a</html>', 'b.search.html': '<html>b</html>' });
    const mirror = path.join(mkdtempSync(path.join(os.tmpdir(), 'archsite-mirror-')), 'search');
    const page = (route: string) => path.join(out, route, 'index.html');
    const kept = new Map([
      [page('services/a'), path.join(views, 'a.search.html')],
      [page('services/b'), path.join(views, 'b.search.html')],
    ]);
    const pages = ['', 'services/a', 'services/b', 'old/page'].map(page);
    layOutSearchViews(out, pages, kept, mirror);
    expect(contents(mirror)).toEqual({
      'index.html': '<html>home</html>',
      'old/page/index.html': '<html>old</html>',
      'services/a/index.html': '<html>a</html>',
      'services/b/index.html': '<html>b</html>',
    });
    // The kept views are the cache's own files, not copies.
    expect(statSync(path.join(mirror, 'services/a/index.html')).ino).toBe(statSync(kept.get(page('services/a'))!).ino);

    // The next build: b's view is a new file, old/page is gone, a file of a killed build sits where a's view goes.
    writeFileSync(path.join(views, 'b2.search.html'), '<html>b, edited</html>');
    kept.set(page('services/b'), path.join(views, 'b2.search.html'));
    writeFileSync(path.join(mirror, 'services/a/index.html.tmp'), 'half');
    const linkedA = path.join(mirror, 'services/a/index.html');
    writeFileSync(path.join(mirror, 'stray.html'), 'left over');
    layOutSearchViews(out, ['', 'services/a', 'services/b'].map(page), kept, mirror);
    expect(contents(mirror)).toEqual({
      'index.html': '<html>home</html>',
      'services/a/index.html': '<html>a</html>',
      'services/b/index.html': '<html>b, edited</html>',
    });
    expect(existsSync(path.join(mirror, 'old'))).toBe(false);
    expect(statSync(path.join(mirror, 'services/b/index.html')).ino).toBe(statSync(path.join(views, 'b2.search.html')).ino);
    expect(statSync(linkedA).ino).toBe(statSync(kept.get(page('services/a'))!).ino);
  });

  it('replaces a file that is not the cache’s view, such as a copy a killed build wrote', () => {
    const out = writeTree({ 'services/a/index.html': '<html>a</html>' });
    const views = writeTree({ 'a.search.html': '<html>a, viewed</html>' });
    const mirror = writeTree({ 'services/a/index.html': '<html>a, stale copy</html>' });
    const kept = new Map([[path.join(out, 'services/a/index.html'), path.join(views, 'a.search.html')]]);
    layOutSearchViews(out, [...kept.keys()], kept, mirror);
    expect(contents(mirror)).toEqual({ 'services/a/index.html': '<html>a, viewed</html>' });
    expect(statSync(path.join(mirror, 'services/a/index.html')).ino).toBe(statSync(path.join(views, 'a.search.html')).ino);
  });
});
