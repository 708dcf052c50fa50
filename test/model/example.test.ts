import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../plugins/model/load.ts';
import { keyOf } from '../../plugins/model/model.ts';

const root = path.resolve(import.meta.dirname, '../..');
const result = await loadModel({ contentDir: 'content', cwd: root });
const model = result.model!;
const rel = model.relations;

describe('the bundled example', () => {
  it('checks with zero errors and zero warnings', () => {
    expect(result.diagnostics).toEqual([]);
  });

  it('models the seed: people, external systems, domains, services, resources', () => {
    expect([...model.byKind.person.keys()]).toEqual(['admin', 'customer']);
    // Adyen is planned, to replace the payment gateway (Stripe), which is deprecated.
    expect([...model.byKind.system.keys()]).toEqual(['adyen', 'email-service', 'payment-gateway']);
    const domains = Object.fromEntries([...model.byKind.domain.values()].map((d) => [d.id, d.data.type]));
    expect(domains).toMatchObject({
      'product-catalog': 'core',
      'order-management': 'core',
      'user-management': 'supporting',
      'payment-processing': 'supporting',
      notifications: 'generic',
      analytics: 'generic',
    });
    for (const id of [
      'web-app',
      'mobile-app',
      'api-gateway',
      'user-service',
      'order-service',
      'product-service',
      'payment-service',
      'notification-service',
    ]) {
      expect(model.byKind.service.has(id), id).toBe(true);
    }
    expect(rel.categories.get('kafka')).toBe('queue');
    expect(rel.categories.get('order-db')).toBe('database');
    expect(rel.categories.get('redis')).toBe('cache');
  });

  it('computes who calls the Order Service', () => {
    expect(rel.callers.get('service:order-service')?.map((c) => keyOf(c.from))).toEqual(['service:api-gateway']);
    expect(rel.callers.get('service:payment-service')?.map((c) => keyOf(c.from))).toEqual([
      'system:adyen',
      'system:payment-gateway',
      'service:api-gateway',
      'service:order-service',
    ]);
    expect(rel.callers.get('service:web-app')?.map((c) => keyOf(c.from))).toEqual(['person:admin', 'person:customer']);
  });

  it('computes producers and consumers of order.created', () => {
    expect(rel.producers.get('order.created')).toEqual(['order-service']);
    expect(rel.consumers.get('order.created')).toEqual(['analytics-service', 'notification-service', 'product-service']);
    expect(rel.producers.get('payment.completed')).toEqual(['payment-service']);
  });

  it('knows where each service runs, with replicas', () => {
    expect(rel.placements.get('service:order-service')).toEqual([
      { deployment: 'production', nodes: expect.arrayContaining([expect.objectContaining({ id: 'eks' })]), replicas: 3 },
      { deployment: 'staging', nodes: expect.arrayContaining([expect.objectContaining({ id: 'eks' })]), replicas: 1 },
    ]);
    expect(rel.placements.get('service:order-service')?.[0]?.nodes.map((n) => n.id)).toEqual(['aws', 'vpc', 'private-subnet', 'eks']);
  });

  it('links decisions to what they affect, and supersedes both ways', () => {
    expect(rel.decisions.get('service:order-service')).toEqual([
      '0002-microservices-architecture',
      '0003-use-kafka',
      '0005-rest-for-inventory-checks',
      '0006-grpc-for-inventory-checks',
    ]);
    expect(rel.supersededBy.get('0005-rest-for-inventory-checks')).toEqual(['0006-grpc-for-inventory-checks']);
  });

  it('knows the owner of each entity and the users of each resource', () => {
    expect(rel.entityOwners.get('Order')).toBe('order-service');
    expect(rel.entityOwners.get('Payment')).toBe('payment-service');
    expect(
      rel.resourceUsers
        .get('redis')
        ?.filter((u) => u.via === 'store')
        .map((u) => u.service),
    ).toEqual(['api-gateway', 'product-service', 'user-service']);
    expect(
      rel.resourceUsers.get('kafka')?.some((u) => u.via === 'broker' && u.service === 'order-service' && u.detail === 'order.created'),
    ).toBe(true);
  });

  it('resolves the Order Service components', () => {
    expect(rel.componentUses.get('order-service/order-repository')).toEqual([{ kind: 'resource', id: 'order-db' }]);
    expect(rel.componentUses.get('order-service/payment-client')).toEqual([{ kind: 'service', id: 'payment-service' }]);
    expect(rel.componentUses.get('order-service/order-controller')?.map(keyOf)).toEqual([
      'component:order-service/cancel-order',
      'component:order-service/create-order',
      'component:order-service/update-order',
    ]);
  });

  it('groups services and events by domain, and what each team owns', () => {
    expect(rel.domainServices.get('order-management')).toEqual(['order-service']);
    expect(rel.domainEvents.get('payment-processing')).toEqual(['payment.completed', 'payment.failed', 'payment.refunded']);
    expect(rel.owned.get('checkout-team')?.map(keyOf)).toEqual(['domain:order-management', 'service:order-service']);
  });

  it('is immutable', () => {
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model.elements)).toBe(true);
    expect(Object.isFrozen(rel.consumers.get('order.created'))).toBe(true);
  });
});

describe('element data', () => {
  it('is frozen all the way down', () => {
    const service = model.byKind.service.get('order-service')!;
    expect(Object.isFrozen(service.data.apis?.rest?.[0])).toBe(true);
  });
});
