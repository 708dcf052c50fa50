/** What a container image (or its settings) says a workload is, when it is a well-known database, cache, broker or store. */
export interface RecognisedResource {
  /** The resource's `type`, one the model knows the category of. */
  readonly type: string;
  /** The product and version, as diagrams show it: `MongoDB 3.4`. */
  readonly technology?: string | undefined;
  /** How it was recognised: `image mongo:3.4`, `environment MYSQL_DATABASE`. */
  readonly by: string;
}

/** Image names (the last part of the repository, without a `cp-`/`bitnami-` style prefix) and what they are. */
const IMAGES: ReadonlyMap<string, readonly [type: string, product: string]> = new Map([
  ['postgres', ['postgresql', 'PostgreSQL']],
  ['postgresql', ['postgresql', 'PostgreSQL']],
  ['postgis', ['postgresql', 'PostGIS']],
  ['mysql', ['mysql', 'MySQL']],
  ['mariadb', ['mariadb', 'MariaDB']],
  ['percona', ['mysql', 'Percona Server']],
  ['mongo', ['mongodb', 'MongoDB']],
  ['mongodb', ['mongodb', 'MongoDB']],
  ['cassandra', ['cassandra', 'Cassandra']],
  ['cockroach', ['cockroachdb', 'CockroachDB']],
  ['neo4j', ['neo4j', 'Neo4j']],
  ['couchdb', ['couchdb', 'CouchDB']],
  ['influxdb', ['influxdb', 'InfluxDB']],
  ['mssql-server', ['sqlserver', 'SQL Server']],
  ['redis', ['redis', 'Redis']],
  ['valkey', ['valkey', 'Valkey']],
  ['memcached', ['memcached', 'Memcached']],
  ['rabbitmq', ['rabbitmq', 'RabbitMQ']],
  ['kafka', ['kafka', 'Kafka']],
  ['cp-kafka', ['kafka', 'Kafka']],
  ['cp-server', ['kafka', 'Kafka']],
  ['redpanda', ['kafka', 'Redpanda']],
  ['nats', ['nats', 'NATS']],
  ['pulsar', ['pulsar', 'Pulsar']],
  ['activemq', ['activemq', 'ActiveMQ']],
  ['artemis', ['activemq', 'ActiveMQ Artemis']],
  ['elasticsearch', ['elasticsearch', 'Elasticsearch']],
  ['opensearch', ['opensearch', 'OpenSearch']],
  ['solr', ['solr', 'Solr']],
  ['meilisearch', ['meilisearch', 'Meilisearch']],
  ['typesense', ['typesense', 'Typesense']],
  ['minio', ['minio', 'MinIO']],
  // What watches the system rather than serving it: resources too, never services to fill in.
  ['prometheus', ['prometheus', 'Prometheus']],
  ['grafana', ['grafana', 'Grafana']],
  ['all-in-one', ['jaeger', 'Jaeger']],
  ['jaeger', ['jaeger', 'Jaeger']],
  ['zipkin', ['zipkin', 'Zipkin']],
  ['opentelemetry-collector', ['opentelemetry-collector', 'OpenTelemetry Collector']],
  ['opentelemetry-collector-contrib', ['opentelemetry-collector', 'OpenTelemetry Collector']],
  ['kibana', ['kibana', 'Kibana']],
  ['logstash', ['logstash', 'Logstash']],
  ['fluentd', ['fluentd', 'Fluentd']],
  ['fluent-bit', ['fluent-bit', 'Fluent Bit']],
  ['loki', ['loki', 'Loki']],
  ['zookeeper', ['zookeeper', 'ZooKeeper']],
  ['cp-zookeeper', ['zookeeper', 'ZooKeeper']],
]);

/** Environment variables that only a database's own image reads. */
const SETTINGS: readonly [prefix: string, type: string, product: string][] = [
  ['MYSQL_', 'mysql', 'MySQL'],
  ['MARIADB_', 'mariadb', 'MariaDB'],
  ['POSTGRES_', 'postgresql', 'PostgreSQL'],
  ['MONGO_INITDB_', 'mongodb', 'MongoDB'],
  ['RABBITMQ_DEFAULT_', 'rabbitmq', 'RabbitMQ'],
  ['KAFKA_BROKER_ID', 'kafka', 'Kafka'],
];

/** An image reference in parts: `registry/org/name:tag@digest` → name `name`, repository `registry/org/name`, tag `tag`. */
export function imageParts(image: string): { repository: string; name: string; tag?: string | undefined } {
  const withoutDigest = image.split('@')[0]!;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const tagged = colon > slash;
  const repository = tagged ? withoutDigest.slice(0, colon) : withoutDigest;
  return {
    repository,
    name: repository.slice(repository.lastIndexOf('/') + 1).toLowerCase(),
    tag: tagged ? withoutDigest.slice(colon + 1) : undefined,
  };
}

/**
 * The well-known resource a workload runs, from its image, its settings or, last, a name
 * that says database (`user-db`); undefined for anything else (a service).
 */
export function recogniseResource(
  name: string,
  image: string | undefined,
  env: ReadonlyMap<string, string>,
): RecognisedResource | undefined {
  if (image) {
    const { name: imageName, tag } = imageParts(image);
    const known = IMAGES.get(imageName) ?? IMAGES.get(imageName.replace(/^(bitnami-|library-)/, ''));
    if (known) return { type: known[0], technology: version(known[1], tag), by: `image ${image}` };
  }
  for (const key of env.keys()) {
    const setting = SETTINGS.find(([prefix]) => key.startsWith(prefix));
    if (setting) return { type: setting[1], technology: setting[2], by: `environment ${key}` };
  }
  if (/(^|[-_])(db|database)$/i.test(name)) return { type: 'database', technology: undefined, by: `its name, ${name}` };
  return undefined;
}

/** `MongoDB 3.4` from a tag that reads as a version (`3.4`, `15-alpine` → 15); the product alone otherwise. */
function version(product: string, tag: string | undefined): string {
  const v = tag && /^v?(\d+(?:\.\d+)*)/.exec(tag)?.[1];
  return v ? `${product} ${v}` : product;
}

/** Images that put a proxy or gateway in front of the services. */
const GATEWAYS = new Set(['nginx', 'traefik', 'envoy', 'haproxy', 'kong', 'caddy', 'openresty']);

/** Whether a workload's image is a well-known reverse proxy or API gateway. */
export function isGatewayImage(image: string | undefined): boolean {
  return image !== undefined && GATEWAYS.has(imageParts(image).name.replace(/^(bitnami-|library-)/, ''));
}
