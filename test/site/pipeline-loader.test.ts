import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { pipelineBound } from '../../plugins/astro/pipeline-loader.ts';

/** Astro's own store of a collection's entries, the one it keeps in .astro/ between builds (not among its exports). */
const astro = path.dirname(createRequire(import.meta.url).resolve('astro/package.json'));
const { MutableDataStore } = (await import(pathToFileURL(path.join(astro, 'dist/content/mutable-data-store.js')).href)) as {
  MutableDataStore: new () => {
    scopedStore(collection: string): LoaderContext['store'];
    metaStore(collection: string): LoaderContext['meta'];
  };
};

describe('rendered Markdown kept between builds', () => {
  it('is kept while archsite’s code is the same, and rendered again once it changes', async () => {
    const data = new MutableDataStore();
    const context = { store: data.scopedStore('bodies'), meta: data.metaStore('bodies') } as LoaderContext;
    let renders = 0;
    // As a loader does: an entry already in the store, with the same text, is not rendered again.
    const bodies: Loader = {
      name: 'bodies',
      load: async ({ store }) => {
        if (store.get('decisions/0001.md')) return;
        renders++;
        store.set({ id: 'decisions/0001.md', data: {}, digest: 'text', rendered: { html: `<p>rendering ${renders}</p>` } });
      },
    };
    const html = () => context.store.get('decisions/0001.md')?.rendered?.html;
    await pipelineBound(bodies, 'code-1').load(context);
    await pipelineBound(bodies, 'code-1').load(context);
    expect(html()).toBe('<p>rendering 1</p>');
    // archsite changed (an upgrade, an edit to its Markdown plugins): what it rendered before goes.
    await pipelineBound(bodies, 'code-2').load(context);
    expect(html()).toBe('<p>rendering 2</p>');
    await pipelineBound(bodies, 'code-2').load(context);
    expect(renders).toBe(2);
  });
});
