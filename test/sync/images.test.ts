import { describe, expect, it } from 'vitest';
import { imageParts, isGatewayImage, recogniseResource } from '../../plugins/sync/images.ts';
import { matchKey } from '../../plugins/sync/match.ts';

const none = new Map<string, string>();

describe('what a workload is, from its image, settings and name', () => {
  it.each([
    ['orders-db', 'postgres:15-alpine', none, 'postgresql', 'PostgreSQL 15'],
    ['db', 'docker.io/library/mysql:8.0.36', none, 'mysql', 'MySQL 8.0.36'],
    ['carts-db', 'mongo:3.4', none, 'mongodb', 'MongoDB 3.4'],
    ['cache', 'bitnami/redis:7.2', none, 'redis', 'Redis 7.2'],
    ['bus', 'confluentinc/cp-kafka:7.5.0', none, 'kafka', 'Kafka 7.5.0'],
    ['mq', 'rabbitmq:3-management', none, 'rabbitmq', 'RabbitMQ 3'],
    ['metrics', 'prom/prometheus:v2.51.0', none, 'prometheus', 'Prometheus 2.51.0'],
    ['tracing', 'jaegertracing/all-in-one:1.57', none, 'jaeger', 'Jaeger 1.57'],
    ['catalogue-db', 'weaveworksdemos/catalogue-db:0.3.0', new Map([['MYSQL_DATABASE', 'socksdb']]), 'mysql', 'MySQL'],
    ['user-db', 'weaveworksdemos/user-db:0.4.0', none, 'database', undefined],
  ])('%s (%s) is a resource', (name, image, env, type, technology) => {
    expect(recogniseResource(name, image, env)).toMatchObject({ type, technology });
  });

  it.each([
    ['front-end', 'weaveworksdemos/front-end:0.3.12'],
    ['admin', 'mongo-express:1.0'],
    ['payment', undefined],
  ])('%s (%s) is a service', (name, image) => {
    expect(recogniseResource(name, image, none)).toBeUndefined();
  });

  it('reads an image reference in parts, registry and digest included', () => {
    expect(imageParts('registry.example.com:5000/shop/orders:1.4.2@sha256:abc')).toEqual({
      repository: 'registry.example.com:5000/shop/orders',
      name: 'orders',
      tag: '1.4.2',
    });
    expect(imageParts('registry.example.com:5000/shop/orders')).toEqual({
      repository: 'registry.example.com:5000/shop/orders',
      name: 'orders',
      tag: undefined,
    });
    expect(isGatewayImage('nginx:1.25')).toBe(true);
    expect(isGatewayImage('bitnami/nginx')).toBe(true);
    expect(isGatewayImage('nginxinc/nginx-unprivileged')).toBe(false);
  });

  it('matches one name spelled several ways, and only that', () => {
    expect(new Set(['cart-service', 'cartservice', 'Cart Service', 'cart_svc', 'cart'].map(matchKey))).toEqual(new Set(['cart']));
    expect(matchKey('service')).toBe('service');
    expect(matchKey('cartsdb')).not.toBe(matchKey('carts'));
  });
});
