import { describe, expect, it } from 'vitest';
import { llmsText } from '../../plugins/astro/llms-text.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { llmsIndex } from '../../plugins/pages/llms-index.ts';
import { siteOf, testSite } from '../helpers/site.ts';
import { BASE } from '../helpers/tree.ts';

const loaded = await loadModel({ contentDir: 'content' });
const site = siteOf({ ...loaded, model: loaded.model! }, { base: '/shop/' });

describe('llms.txt: the architecture as an index for language models', () => {
  const index = llmsIndex(site);

  it('lists every element of the example under its kind, linked to its page, with what its page says of it', () => {
    expect(index.sections.reduce((n, s) => n + s.entries.length, 0)).toBe(site.model.elements.length);
    const services = index.sections.find((s) => s.title === 'Services')!;
    expect(services.entries.find((e) => e.text === 'Payment Service')).toEqual({
      text: 'Payment Service',
      href: '/shop/services/payment-service/',
      description: expect.stringMatching(/^Charges orders/),
      notes: ['domain: Payment Processing', 'team: Payments Team'],
    });
    const adyen = index.sections.find((s) => s.title === 'External systems')!.entries.find((e) => e.text === 'Adyen')!;
    expect(adyen.notes).toEqual(['planned']);
    const stripe = index.sections.find((s) => s.title === 'External systems')!.entries.find((e) => e.href.endsWith('/payment-gateway/'))!;
    expect(stripe.notes).toEqual(['deprecated', 'replaced by Adyen']);
    const team = index.sections.find((s) => s.title === 'Teams')!.entries.find((e) => e.text === 'Payments Team')!;
    expect(team.notes).toEqual([]);
    expect(index.overviews.map((o) => o.href)).toContain('/shop/model.json');
    expect(index.overviews.map((o) => o.href)).toContain('/shop/architecture/');
  });

  it('writes the llmstxt.org format: a title, a summary, a link list a kind, absolute where the site’s address is known', () => {
    const text = llmsText(index, 'https://shop.example.com/');
    const lines = text.split('\n');
    expect(lines[0]).toBe(`# ${site.model.system.data.name}`);
    expect(lines[2]).toMatch(/^> /);
    expect(lines).toContain('## Services');
    expect(text).toMatch(
      /^- \[Payment Service\]\(https:\/\/shop\.example\.com\/shop\/services\/payment-service\/\): Charges orders.* \(domain: Payment Processing; team: Payments Team\)$/m,
    );
    expect(llmsText(index, undefined)).toContain('- [Payment Service](/shop/services/payment-service/)');
  });

  it('keeps hostile names and descriptions inside their line and their link', async () => {
    const hostile = await testSite({
      ...BASE,
      'content/services/orders.yaml': BASE['content/services/orders.yaml']!.replace('name: Orders', 'name: "Or](x)[ders\\\\"').replace(
        'responsibility: Takes orders.',
        'responsibility: "line one\\n\\n## not a heading"',
      ),
    });
    const text = llmsText(llmsIndex(hostile), undefined);
    const line = text.split('\n').find((l) => l.includes('/services/orders/'))!;
    expect(line).toBe('- [Or\\](x)\\[ders\\\\](/services/orders/): line one ## not a heading (domain: Shop)');
    expect(text).not.toMatch(/^## not a heading/m);
  });
});
