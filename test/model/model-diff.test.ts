import { describe, expect, it } from 'vitest';
import { diffFields, diffModels } from '../../plugins/model/model-diff.ts';
import { modelOf } from '../helpers/model.ts';
import { BASE } from '../helpers/tree.ts';

describe('what changed in an element, in the words of the content model', () => {
  it.each([
    ['a value', { status: 'proposed' }, { status: 'accepted' }, ['status: proposed → accepted']],
    ['a reference', { owner: 'payments-team' }, { owner: 'checkout-team' }, ['owner: payments-team → checkout-team']],
    ['a field set', {}, { owner: 'core' }, ['owner: set to core']],
    ['a field removed', { owner: 'core' }, {}, ['owner: removed']],
    ['a number', { replicas: 2 }, { replicas: 3 }, ['replicas: 2 → 3']],
    ['long text', { description: 'a'.repeat(80) }, { description: 'b'.repeat(80) }, ['description: changed']],
    [
      'a list of ids',
      { dependencies: ['stock', 'billing'] },
      { dependencies: ['billing', 'payments'] },
      ['dependencies: + payments, − stock'],
    ],
    [
      'a list of references with details',
      { dependencies: [{ target: 'stock', protocol: 'REST' }] },
      { dependencies: [{ target: 'stock', protocol: 'gRPC' }, { target: 'tax' }] },
      ['dependencies: + tax, stock changed'],
    ],
    ['a list reordered', { deciders: ['A', 'B'] }, { deciders: ['B', 'A'] }, ['deciders: reordered']],
    [
      'a mapping, field by field',
      { nfr: { availability: '99.9%', latency_p99: '200ms' } },
      { nfr: { availability: '99.95%', latency_p99: '200ms' } },
      ['nfr.availability: 99.9% → 99.95%'],
    ],
    [
      'events, by direction',
      { events: { publishes: ['order.created'] } },
      { events: { publishes: ['order.created', 'order.paid'], consumes: ['payment.done'] } },
      ['events.publishes: + order.paid', 'events.consumes: + payment.done'],
    ],
    [
      'flow steps, by who talks to whom',
      { steps: [{ from: 'a', to: 'b', message: 'Hi' }] },
      { steps: [{ from: 'a', to: 'c', message: 'Hi' }] },
      ['steps: + a → c, − a → b'],
    ],
    ['nothing', { name: 'A', id: 'a' }, { name: 'A', id: 'b' }, []],
  ])('%s', (_, before, after, words) => {
    expect(diffFields(before as Record<string, unknown>, after as Record<string, unknown>)).toEqual(words);
  });

  it('never reads a key of the content through the prototype', () => {
    expect(diffFields(JSON.parse('{"constructor": "a", "__proto__": {"x": 1}}'), JSON.parse('{"constructor": "b"}'))).toEqual([
      'constructor: a → b',
      '__proto__: removed',
    ]);
  });
});

describe('two versions of a model', () => {
  it('say each element added, removed, renamed or changed, by kind and id', async () => {
    const before = await modelOf({
      ...BASE,
      'content/teams/pay.yaml': 'name: Payments\n',
      'content/services/stock.yaml': 'name: Stock\nresponsibility: Counts.\ndomain: shop\n',
      'content/decisions/0001-queue.md': '---\ntitle: Queue\nstatus: proposed\ndate: 2024-01-01\n---\n',
    });
    const after = await modelOf({
      ...BASE,
      'content/teams/payments.yaml': 'name: Payments\n',
      'content/services/tax.yaml': 'name: Tax\nresponsibility: Taxes.\ndomain: shop\n',
      'content/services/orders.yaml': `${BASE['content/services/orders.yaml']}owner: payments\n`,
      'content/decisions/0001-queue.md': '---\ntitle: Queue\nstatus: accepted\ndate: 2024-01-01\n---\n',
    });
    expect(
      diffModels(before, after).map((c) => `${c.kind} ${c.id} ${c.what}${c.from ? ` from ${c.from}` : ''}: ${c.details.join('; ')}`),
    ).toEqual([
      'decision 0001-queue changed: status: proposed → accepted',
      'service orders changed: owner: set to payments',
      'service stock removed: ',
      'service tax added: ',
      'team payments renamed from pay: ',
    ]);
  });
});
