import { describe, expect, it } from 'vitest';
import { siteViews } from '../../plugins/diagrams/views.ts';
import { viewOptions } from '../../plugins/diagrams/options.ts';
import { formatDiagnostic } from '../../plugins/model/format.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { actorPage } from '../../plugins/pages/actor-page.ts';
import { siteOf } from '../helpers/site.ts';
import { BASE, writeTree } from '../helpers/tree.ts';

const STRIPE = 'content/systems/stripe.yaml';
const ADYEN = 'content/systems/adyen.yaml';
const calls = (dep: string) => `${BASE['content/services/orders.yaml']}dependencies: [${dep}]\n`;

async function load(files: Record<string, string>) {
  const loaded = await loadModel({ contentDir: 'content', cwd: writeTree({ ...BASE, ...files }) });
  return { ...loaded, lines: loaded.diagnostics.map(formatDiagnostic) };
}

describe('planned and current state', () => {
  it.each([
    [
      'a call to a planned system',
      { [ADYEN]: 'name: Adyen\nlifecycle: planned\n', 'content/services/orders.yaml': calls('adyen') },
      [
        "content/services/orders.yaml:6:16 warning lifecycle-dependency: service 'orders' calls external system 'adyen', which is planned: mark the relation `lifecycle: planned` too, or the external system active once it is",
      ],
    ],
    [
      'a planned call to a planned system: nothing',
      { [ADYEN]: 'name: Adyen\nlifecycle: planned\n', 'content/services/orders.yaml': calls('{ target: adyen, lifecycle: planned }') },
      [],
    ],
    [
      'a call to a retired system, with its replacement',
      {
        [STRIPE]: 'name: Stripe\nlifecycle: retired\nreplacedBy: adyen\n',
        [ADYEN]: 'name: Adyen\n',
        'content/services/orders.yaml': calls('stripe'),
      },
      [
        "content/services/orders.yaml:6:16 warning lifecycle-dependency: service 'orders' calls external system 'stripe', which is retired: rely on what replaced it ('adyen')",
      ],
    ],
    [
      'an event consumed from a retired producer: the consumer is fine, the producer is retired',
      { 'content/services/orders.yaml': `${BASE['content/services/orders.yaml']}lifecycle: retired\n` },
      [],
    ],
    [
      'a deprecated system that names its replacement: nothing',
      { [STRIPE]: 'name: Stripe\nlifecycle: deprecated\nreplacedBy: adyen\n', [ADYEN]: 'name: Adyen\n' },
      [],
    ],
    [
      'a deprecated system that does not',
      { [STRIPE]: 'name: Stripe\nlifecycle: deprecated\n' },
      [
        "content/systems/stripe.yaml:2:12 warning deprecated-without-replacement: external system 'stripe' is deprecated but names nothing that replaces it (replacedBy)",
      ],
    ],
    [
      'a replacement that does not exist',
      { [STRIPE]: 'name: Stripe\nlifecycle: deprecated\nreplacedBy: adyn\n', [ADYEN]: 'name: Adyen\n' },
      ["content/systems/stripe.yaml:3:13 error unknown-reference: replacement 'adyn' is not an external system (did you mean 'adyen'?)"],
    ],
  ])('%s', async (_name, files, expected) => {
    expect((await load(files)).lines).toEqual(expected);
  });

  it('draws planned elements dashed, says where each stands, and links a replacement both ways', async () => {
    const loaded = await load({
      [STRIPE]: 'name: Stripe\nlifecycle: deprecated\nreplacedBy: adyen\n',
      [ADYEN]: 'name: Adyen\nlifecycle: planned\n',
      'content/services/orders.yaml': calls('stripe, { target: adyen, lifecycle: planned }'),
    });
    expect(loaded.lines).toEqual([]);
    const site = siteOf({ ...loaded, model: loaded.model! });
    const context = siteViews(loaded.model!, viewOptions()).find((v) => v.name === 'context')!;
    expect(context.text).toMatch(/\[External system, planned\]/);
    expect(context.text).toMatch(/\[External system, deprecated\]/);
    expect(context.text).toMatch(/^ {2}style \S+ stroke-dasharray:5 5$/m);
    expect(context.legend?.some((item) => item.kind === 'box' && item.style === 'planned' && item.dashed)).toBe(true);
    const stripe = actorPage(site, 'system', 'stripe').head;
    expect(stripe.lifecycle).toEqual({
      badge: { text: 'deprecated', variant: 'caution' },
      replacedBy: { text: 'Adyen', href: '/systems/adyen/', kind: 'External system' },
    });
    const adyen = actorPage(site, 'system', 'adyen').head;
    expect(adyen.lifecycle?.badge.text).toBe('planned');
    expect(adyen.sections.find((s) => s.id === 'linked-replaces')).toMatchObject({ title: 'Replaces', linked: [{ text: 'Stripe' }] });
  });
});
