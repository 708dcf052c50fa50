import { describe, expect, it } from 'vitest';
import { llmsText, LLMS_DESCRIPTION_LIMIT } from '../../plugins/astro/llms-text.ts';
import { KIND_NAMES } from '../../plugins/model/kinds.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { llmsIndex } from '../../plugins/pages/llms-index.ts';
import { pageKind } from '../../plugins/pages/kinds.ts';
import { pageText } from '../../plugins/pages/page-text.ts';
import type { PageHead } from '../../plugins/pages/view.ts';
import { siteOf, testSite } from '../helpers/site.ts';
import { BASE } from '../helpers/tree.ts';

const loaded = await loadModel({ contentDir: 'content' });
const site = siteOf({ ...loaded, model: loaded.model! }, { base: '/shop/' });

describe('each element page as Markdown text (index.html.md), from its page function', () => {
  const pages = KIND_NAMES.filter((kind) => kind !== 'doc').flatMap((kind) =>
    [...site.model.byKind[kind].keys()].map((id) => ({ kind, id, head: (pageKind(kind).page(site, id) as { head: PageHead }).head })),
  );

  it('says what every element page says: its title, its facets, a link to the page, and every section the page shows', () => {
    expect(pages.length).toBeGreaterThan(60);
    for (const { kind, id, head } of pages) {
      const text = pageText(site, kind, id)!;
      expect(text.split('\n')[0], `${kind} ${id}`).toBe(`# ${head.title}`);
      expect(text).toContain(`(${`/shop/${site.model.byKind[kind].get(id)!.source.path.split('/')[0]}/${id}/`})`);
      for (const heading of head.headings.filter((h) => (h.depth ?? 2) === 2))
        expect(text, `${kind} ${id}: ${heading.title}`).toContain(`## ${heading.title}\n`);
    }
  });

  it('gives each diagram as its mermaid source, and a schema or example as it is written', () => {
    const text = pageText(site, 'event', 'order.created')!;
    expect(text).toMatch(/### Flow of order\.created\n\n```mermaid\n---\nconfig:[\s\S]*flowchart LR[\s\S]*\n```\n/);
    expect(text).toContain('Channel: orders');
    expect(text).toContain('- data.currency; type: string; required: no;');
    expect(text).toContain('"$id": "https://example.com/events/order.created/1.1"');
    const service = pageText(site, 'service', 'notification-service')!;
    expect(service).toContain('Type: Worker');
    expect(service).toContain('[Order created](/shop/events/order.created/)');
    expect(service).toContain('- action: Receives; channels: orders;');
  });

  it('keeps hostile names inside their links and lines', async () => {
    const hostile = await testSite({
      ...BASE,
      'content/services/orders.yaml':
        'name: "Orders](javascript:alert(1)) [x"\nresponsibility: "Takes orders.\\n# not a heading"\ndomain: shop\nevents:\n  publishes: [order.placed]\n',
    });
    const text = pageText(hostile, 'service', 'orders')!;
    expect(text).toContain('The page: [Orders\\](javascript:alert(1)) \\[x](/services/orders/) (service)');
    expect(text).not.toMatch(/^# not a heading/m);
  });
});

describe('llms.txt stays one short line an element', () => {
  it('cuts a long description at a word, and stays under 300 bytes an element for the example', async () => {
    const long = await testSite({ ...BASE, 'content/domains/shop.yaml': `name: Shop\ntype: core\ndescription: ${'word '.repeat(100)}\n` });
    const line = llmsText(llmsIndex(long), undefined)
      .split('\n')
      .find((l) => l.startsWith('- [Shop](/domains/shop/)'))!;
    expect(line.length).toBeLessThan(LLMS_DESCRIPTION_LIMIT + 40);
    expect(line.endsWith('word…')).toBe(true);
    const text = llmsText(llmsIndex(site), 'https://archsite.github.io/');
    expect(Buffer.byteLength(text)).toBeLessThan(300 * site.model.elements.length + 2_000);
  });
});
