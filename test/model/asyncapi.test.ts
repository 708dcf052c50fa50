import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CheckStore, describedKey } from '../../plugins/model/check-store.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { resourcePage } from '../../plugins/pages/resource-page.ts';
import { servicePage } from '../../plugins/pages/service-page.ts';
import { sectionOf } from '../../plugins/pages/view.ts';
import { testSite } from '../helpers/site.ts';
import { BASE, checkTree, writeTree } from '../helpers/tree.ts';

/** The BASE tree's publisher with an AsyncAPI document. */
const withDocument = (document: string, events = 'events:\n  publishes: [order.placed]\n') => ({
  'content/services/orders.yaml': `name: Orders\nresponsibility: Takes orders.\ndomain: shop\napis:\n  asyncapi: ./orders.asyncapi.yaml\n${events}`,
  'content/services/orders.asyncapi.yaml': document,
});

const V3 = `asyncapi: 3.0.0
info: { title: Orders events, version: 1.0.0 }
servers:
  main: { host: "kafka.internal:9092", protocol: kafka }
channels:
  orders:
    address: shop.orders
    messages:
      placed: { $ref: "#/components/messages/OrderPlaced" }
operations:
  sendPlaced:
    action: send
    channel: { $ref: "#/channels/orders" }
    summary: Announces each order.
    messages: [{ $ref: "#/channels/orders/messages/placed" }]
components:
  messages:
    OrderPlaced:
      name: OrderPlaced
      title: Order placed
      payload:
        type: object
        required: [id]
        properties:
          id: { type: string, description: The order. }
          total: { type: number }
`;

/** AsyncAPI 2: `subscribe` is what the application sends. */
const V2 = `asyncapi: 2.6.0
info: { title: Orders events, version: 1.0.0 }
channels:
  shop.orders:
    subscribe:
      operationId: sendPlaced
      message:
        name: order.placed
        payload: { type: object, properties: { id: { type: string } } }
`;

describe('apis.asyncapi: an AsyncAPI document as a contract', () => {
  it('checks clean when its operations send what the service publishes (AsyncAPI 3 and 2)', async () => {
    expect(await checkTree(withDocument(V3))).toEqual([]);
    expect(await checkTree(withDocument(V2))).toEqual([]);
  });

  it('says where the document and the events disagree, both ways', async () => {
    const lines = await checkTree({
      ...withDocument(V3, 'events:\n  publishes: [order.placed, order.shipped]\n'),
      'content/events/order.shipped.yaml': 'name: Order shipped\n',
    });
    expect(lines.filter((l) => l.includes('api-mismatch'))).toEqual([
      "content/services/orders.yaml:7:29 warning api-mismatch: event 'order.shipped' is not a message that orders.asyncapi.yaml sends",
    ]);
    // The document receives what the service does not consume, and the other way round.
    const received = V3.replace('action: send', 'action: receive');
    const mismatch = await checkTree(withDocument(received));
    expect(mismatch).toContain(
      "content/services/orders.yaml:7:15 warning api-mismatch: event 'order.placed' is not a message that orders.asyncapi.yaml sends",
    );
    expect(mismatch).toContain(
      "content/services/orders.yaml:5:3 warning api-mismatch: message 'OrderPlaced' that orders.asyncapi.yaml receives is not in events.consumes",
    );
  });

  it('reports an invalid document in the document, and a remote $ref without fetching it', async () => {
    const invalid = await checkTree(withDocument(V3.replace('action: send', 'action: shout')));
    expect(invalid.some((l) => /^content\/services\/orders\.asyncapi\.yaml:\d+:\d+ error invalid-api-description: /.test(l))).toBe(true);
    const remote = await checkTree(
      withDocument(
        V3.replace('payload:\n        type: object', 'payload:\n        $ref: "https://example.com/order.json"\n        type: object'),
      ),
    );
    expect(remote.some((l) => /error .*https:\/\/example\.com\/order\.json/.test(l))).toBe(true);
  });

  it('checks the channels of the events a broker carries against the broker’s document', async () => {
    const lines = await checkTree({
      'content/resources/kafka.yaml': 'name: Kafka\ntype: kafka\napis:\n  asyncapi: ./kafka.asyncapi.yaml\n',
      'content/resources/kafka.asyncapi.yaml': V3,
      'content/events/order.placed.yaml': 'name: Order placed\nchannel: shop.order\nbroker: kafka\n',
    });
    expect(lines).toEqual([
      "content/events/order.placed.yaml:2:10 warning api-mismatch: channel 'shop.order' is not a channel of kafka.asyncapi.yaml, the AsyncAPI document of 'kafka' (did you mean 'shop.orders'?)",
    ]);
  });

  it('shows the document on the service’s and the broker’s page: operations, channels, messages and payloads', async () => {
    const site = await testSite({
      ...BASE,
      ...withDocument(V3),
      'content/resources/kafka.yaml': 'name: Kafka\ntype: kafka\napis:\n  asyncapi: ../services/orders.asyncapi.yaml\n',
    });
    const apis = sectionOf(servicePage(site, 'orders').sections, 'apis')!.apis.asyncapi!;
    expect(apis).toMatchObject({
      spec: 'AsyncAPI 3.0.0',
      title: 'Orders events',
      version: '1.0.0',
      file: { text: './orders.asyncapi.yaml' },
    });
    expect(apis.servers).toEqual([{ id: 'main', host: 'kafka.internal:9092', protocol: 'kafka', description: undefined }]);
    expect(apis.operations).toEqual([
      {
        id: 'sendPlaced',
        action: 'Sends',
        channels: ['shop.orders'],
        summary: 'Announces each order.',
        messages: [{ text: 'OrderPlaced', href: '#msg-OrderPlaced' }],
      },
    ]);
    const [message] = apis.messages;
    expect(message).toMatchObject({
      anchor: 'msg-OrderPlaced',
      name: 'OrderPlaced',
      title: 'Order placed',
      event: { text: 'Order placed', href: '/events/order.placed/' },
    });
    expect(message!.body.rows.map((r) => [r.name, r.type, r.required])).toEqual([
      ['id', 'string', true],
      ['total', 'number', false],
    ]);
    const broker = sectionOf(resourcePage(site, 'kafka').sections, 'asyncapi')!;
    expect(broker.asyncapi!.operations[0]!.action).toBe('Sends');
  });

  it('keeps what a valid document describes in the check store, and describes it again only when a text changes', async () => {
    const root = writeTree({ ...BASE, ...withDocument(V3) });
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'archsite-store-')), 'store.v8');
    const check = async () => {
      const store = CheckStore.open(file, 'k');
      const result = await loadModel({ contentDir: 'content', cwd: root, store });
      store.save();
      return result.documents.get('services/orders.asyncapi.yaml')!.api;
    };
    const first = await check();
    expect(first).toMatchObject({ format: 'asyncapi', title: 'Orders events' });
    // What the store says is what the next check uses: the parser is not asked again.
    const key = describedKey(V3, new Map());
    const store = CheckStore.open(file, 'k');
    expect(store.description(key)).toEqual(first);
    store.recordDescription(key, { ...store.description(key)!, title: 'As the store has it' });
    store.save();
    expect(await check()).toMatchObject({ title: 'As the store has it' });
    // Another text is described again.
    writeFileSync(path.join(root, 'content/services/orders.asyncapi.yaml'), V3.replace('version: 1.0.0', 'version: 1.1.0'));
    expect(await check()).toMatchObject({ title: 'Orders events', version: '1.1.0' });
  });
});
