import type { ResourceCategory } from './schemas/resource.ts';

/** Well-known technologies and their category. Matched on the lower-cased `type`. */
const KNOWN: ReadonlyMap<string, ResourceCategory> = new Map(
  Object.entries({
    postgresql: 'database',
    postgres: 'database',
    mysql: 'database',
    mariadb: 'database',
    mongodb: 'database',
    dynamodb: 'database',
    cassandra: 'database',
    cockroachdb: 'database',
    oracle: 'database',
    sqlserver: 'database',
    'sql-server': 'database',
    sqlite: 'database',
    neo4j: 'database',
    couchdb: 'database',
    influxdb: 'database',
    timescaledb: 'database',
    aurora: 'database',
    rds: 'database',
    redis: 'cache',
    memcached: 'cache',
    elasticache: 'cache',
    valkey: 'cache',
    kafka: 'queue',
    rabbitmq: 'queue',
    sqs: 'queue',
    sns: 'queue',
    kinesis: 'queue',
    nats: 'queue',
    pulsar: 'queue',
    activemq: 'queue',
    'pub-sub': 'queue',
    pubsub: 'queue',
    eventbridge: 'queue',
    s3: 'storage',
    gcs: 'storage',
    'blob-storage': 'storage',
    minio: 'storage',
    elasticsearch: 'search',
    opensearch: 'search',
    solr: 'search',
    algolia: 'search',
    meilisearch: 'search',
    typesense: 'search',
  } satisfies Record<string, ResourceCategory>),
);

/** The category of a resource: its `category` field, or the one its `type` implies. */
export function resourceCategory(type: string, category?: ResourceCategory): ResourceCategory {
  if (category) return category;
  const key = type.trim().toLowerCase();
  // A Map: the type is content, and may be `constructor` or `__proto__`.
  const known = KNOWN.get(key) ?? KNOWN.get(key.split(/[\s/]+/)[0] ?? '');
  if (known) return known;
  if (/\b(db|database|sql)\b/.test(key)) return 'database';
  if (/\b(cache)\b/.test(key)) return 'cache';
  if (/\b(queue|broker|topic|stream)\b/.test(key)) return 'queue';
  if (/\b(bucket|storage)\b/.test(key)) return 'storage';
  if (/\b(search|index)\b/.test(key)) return 'search';
  return 'other';
}
