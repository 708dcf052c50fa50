import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devServerOptions } from '../../plugins/astro/integration/dev-server.ts';

const ROOT = '/project';

describe('the dev server watches the pages’ code and the content, not what builds, the bench and the tests write', () => {
  const cases: [content: string, file: string, watched: boolean][] = [
    ['/project/content', '/project/src/pages/services/[id].astro', true],
    ['/project/content', '/project/plugins/model/load.ts', true],
    ['/project/content', '/project/content/services/orders.yaml', true],
    ['/project/content', '/project/astro.config.mjs', true],
    ['/project/content', '/project/dist', false],
    ['/project/content', '/project/dist/index.html', false],
    ['/project/content', '/project/dist-docs/index.html', false],
    ['/project/content', '/project/bench/out/n200/content/services/svc-0001.yaml', false],
    ['/project/content', '/project/test-results/report.json', false],
    ['/project/content', '/project/.archsite/x', false],
    ['/project/content', '/project/distant/page.md', true],
    // Content kept in a skipped folder is watched, and so are the folders on the way to it.
    ['/project/test/fixtures/shop/content', '/project/test', true],
    ['/project/test/fixtures/shop/content', '/project/test/fixtures', true],
    ['/project/test/fixtures/shop/content', '/project/test/fixtures/shop/content/system.yaml', true],
    ['/project/test/fixtures/shop/content', '/project/test/fixtures/other/content/system.yaml', false],
    ['/project/test/fixtures/shop/content', '/project/test/site/dev-server.test.ts', false],
    // Content outside the project: the project's own folders are as above.
    ['/elsewhere/content', '/elsewhere/content/system.yaml', true],
    ['/elsewhere/content', '/project/bench/out/x', false],
  ];
  it.each(cases)('content %s: %s watched: %s', (content, file, watched) => {
    const { ignored } = devServerOptions(ROOT, content).server.watch;
    expect(ignored(path.normalize(file))).toBe(!watched);
  });

  it('compiles the pages’ templates, and what they import, as it starts', () => {
    const { ssr } = devServerOptions(ROOT, '/project/content');
    expect(ssr.dev.preTransformRequests).toBe(true);
    expect(ssr.dev.warmup).toEqual(['./src/pages/**/*.astro']);
  });
});
