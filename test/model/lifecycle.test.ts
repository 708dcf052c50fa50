import { describe, expect, it } from 'vitest';
import { containerViews, siteViews } from '../../plugins/diagrams/views.ts';
import { viewOptions } from '../../plugins/diagrams/options.ts';
import { formatDiagnostic } from '../../plugins/model/format.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { stateModels } from '../../plugins/model/model-states.ts';
import { actorPage } from '../../plugins/pages/actor-page.ts';
import { inState } from '../../plugins/pages/diagram.ts';
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
      'a planned service that no deployment runs yet: nothing',
      {
        'content/deployments/prod.yaml':
          'name: Prod\nnodes:\n  - { id: k8s, name: Cluster, instances: [{ service: orders }, { service: billing }] }\n',
        'content/services/payments.yaml': 'name: Payments\nresponsibility: Will take payments.\ndomain: shop\nlifecycle: planned\n',
      },
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

  it('draws the current state, the target state and both, planned things dashed, and links a replacement both ways', async () => {
    const loaded = await load({
      [STRIPE]: 'name: Stripe\nlifecycle: deprecated\nreplacedBy: adyen\n',
      [ADYEN]: 'name: Adyen\nlifecycle: planned\n',
      'content/services/orders.yaml': calls('stripe, { target: adyen, lifecycle: planned }'),
    });
    expect(loaded.lines).toEqual([]);
    const site = siteOf({ ...loaded, model: loaded.model! });
    // The current state by default; the target state and both behind a switch: each in a snapshot.
    const context = siteViews(loaded.model!, viewOptions()).find((v) => v.name === 'context')!;
    const [target, both] = context.states ?? [];
    expect([context.state, target?.state, both?.state]).toEqual(['current', 'target', 'both']);
    expect(context.text).toMatch(/\[External system, deprecated\]/);
    expect(context.text).not.toMatch(/Adyen/);
    expect(target!.text).not.toMatch(/Stripe/);
    expect(target!.text).toMatch(/\[External system, planned\]/);
    expect(both!.text).toMatch(/\[External system, planned\]/);
    expect(both!.text).toMatch(/\[External system, deprecated\]/);
    // Planned things dashed: the planned system's border, and the planned call with long dashes, said on its label.
    expect(both!.text).toMatch(/^ {2}style system_adyen stroke-dasharray:5 5$/m);
    expect(both!.text).toMatch(/^ {2}linkStyle \d+ stroke-dasharray:8 4$/m);
    expect(both!.legend?.some((item) => item.kind === 'box' && item.style === 'planned' && item.dashed)).toBe(true);
    expect(both!.legend?.some((item) => item.kind === 'line' && item.planned)).toBe(true);
    expect(context.legend?.some((item) => item.kind === 'line' && item.planned)).toBe(false);
    await expect(context.text).toMatchFileSnapshot('../diagrams/__snapshots__/lifecycle-context-current.mmd');
    await expect(target!.text).toMatchFileSnapshot('../diagrams/__snapshots__/lifecycle-context-target.mmd');
    await expect(both!.text).toMatchFileSnapshot('../diagrams/__snapshots__/lifecycle-context-both.mmd');
    // `<Diagram state="both" />` opens on both; the others stay behind the switch, in their order.
    const opened = inState(context, 'both');
    expect([opened.state, ...(opened.states ?? []).map((v) => v.state)]).toEqual(['both', 'current', 'target']);
    expect(opened.text).toBe(both!.text);
    expect(inState(context, 'current')).toBe(context);
    const orders = siteViews(loaded.model!, viewOptions()).find((v) => v.name === 'neighbourhood' && v.of === 'orders')!;
    await expect(orders.states?.at(-1)?.text).toMatchFileSnapshot('../diagrams/__snapshots__/lifecycle-neighbourhood-both.mmd');
    const stripe = actorPage(site, 'system', 'stripe').head;
    expect(stripe.lifecycle).toEqual({
      badge: { text: 'deprecated', variant: 'caution' },
      replacedBy: { text: 'Adyen', href: '/systems/adyen/', kind: 'External system' },
    });
    const adyen = actorPage(site, 'system', 'adyen').head;
    expect(adyen.lifecycle?.badge.text).toBe('planned');
    expect(adyen.sections.find((s) => s.id === 'linked-replaces')).toMatchObject({ title: 'Replaces', linked: [{ text: 'Stripe' }] });
  });

  it('draws a planned call between domains with long dashes where the system is drawn by domain', async () => {
    const loaded = await load({
      'content/domains/pay.yaml': 'name: Pay\ntype: generic\n',
      'content/services/payments.yaml': 'name: Payments\nresponsibility: Will take payments.\ndomain: pay\nlifecycle: planned\n',
      'content/services/orders.yaml': calls('{ target: payments, lifecycle: planned }'),
    });
    const models = stateModels(loaded.model!);
    const { domains } = containerViews(models.target, viewOptions('/', 40, 1));
    expect(domains!.text).toMatch(/domain_shop -->\|"1 call \(planned\)"\| domain_pay/);
    expect(domains!.text).toMatch(/^ {2}linkStyle 0 stroke-dasharray:8 4$/m);
    // Now, the call is not made: nothing joins the two domains.
    expect(containerViews(models.current, viewOptions('/', 40, 1)).domains!.text).not.toMatch(/domain_shop -->/);
  });

  it('draws a flow as written, whatever state its participants are in', async () => {
    const loaded = await load({
      'content/services/billing.yaml': `${BASE['content/services/billing.yaml']}lifecycle: deprecated\nreplacedBy: orders\n`,
      'content/flows/pay.yaml': 'title: Paying\nsteps:\n  - { from: orders, to: billing, message: Bill it }\n',
    });
    const flow = siteViews(loaded.model!, viewOptions()).find((v) => v.name === 'flow')!;
    expect(flow.text).toContain('Bill it');
    expect([flow.state, flow.states]).toEqual([undefined, undefined]);
  });

  it('keeps one model where nothing has a state, and draws a planned element in the first state it is in', async () => {
    const plain = await load({});
    const models = stateModels(plain.model!);
    expect(models.current).toBe(plain.model);
    expect(models.target).toBe(plain.model);
    expect(siteViews(plain.model!, viewOptions()).every((v) => v.state === undefined && v.states === undefined)).toBe(true);

    const planned = await load({ 'content/services/orders.yaml': `${BASE['content/services/orders.yaml']}lifecycle: planned\n` });
    const inState = stateModels(planned.model!);
    // Worked out once a model.
    expect(stateModels(planned.model!)).toBe(inState);
    expect(inState.current.byKind.service.has('orders')).toBe(false);
    expect(inState.target.byKind.service.has('orders')).toBe(true);
    // Its own neighbourhood has nothing to show now: it opens on the target state, and says so.
    const own = siteViews(planned.model!, viewOptions()).find((v) => v.name === 'neighbourhood' && v.of === 'orders')!;
    expect(own.state).toBe('target');
    expect(own.states).toBeUndefined();
  });
});
