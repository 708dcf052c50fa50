/**
 * The technologies a free-text technology field names, for the search facet: "PostgreSQL 15
 * (Amazon RDS)" and "Amazon RDS for PostgreSQL 15, Multi-AZ" are both PostgreSQL on Amazon
 * RDS. Pages keep showing the text as written; only the facet is normalised.
 */

/** Well-known technologies, as they are written; matched by word, case aside (short names exactly). */
const KNOWN = [
  // Data stores and messaging.
  'PostgreSQL',
  'MySQL',
  'MariaDB',
  'SQL Server',
  'Oracle',
  'SQLite',
  'MongoDB',
  'Redis',
  'Memcached',
  'Cassandra',
  'DynamoDB',
  'Cosmos DB',
  'Elasticsearch',
  'OpenSearch',
  'Neo4j',
  'ClickHouse',
  'Snowflake',
  'BigQuery',
  'InfluxDB',
  'CockroachDB',
  'TimescaleDB',
  'Amazon RDS',
  'Amazon Aurora',
  'Amazon DocumentDB',
  'Amazon ElastiCache',
  'Amazon MSK',
  'Amazon S3',
  'Azure Blob Storage',
  'Google Cloud Storage',
  'MinIO',
  'Kafka',
  'RabbitMQ',
  'NATS',
  'Amazon SQS',
  'Amazon SNS',
  'Kinesis',
  'Pulsar',
  'Azure Service Bus',
  'Google Pub/Sub',
  'EventBridge',
  'ActiveMQ',
  'ZeroMQ',
  'etcd',
  'Consul',
  // Languages and runtimes.
  'Go',
  'Java',
  'Kotlin',
  'Scala',
  'Python',
  'Node.js',
  'TypeScript',
  'JavaScript',
  'C#',
  'F#',
  '.NET',
  'Rust',
  'Ruby',
  'PHP',
  'Elixir',
  'Erlang',
  'Swift',
  'Objective-C',
  'Dart',
  'C++',
  'Clojure',
  'Haskell',
  // Frameworks.
  'Spring Boot',
  'Spring',
  'Quarkus',
  'Micronaut',
  'Express',
  'NestJS',
  'Fastify',
  'Django',
  'Flask',
  'FastAPI',
  'Gin',
  'Echo',
  'Fiber',
  'ASP.NET Core',
  'ASP.NET',
  'Rails',
  'Laravel',
  'Phoenix',
  'React Native',
  'React',
  'Next.js',
  'Vue',
  'Nuxt',
  'Angular',
  'Svelte',
  'SvelteKit',
  'Flutter',
  'SwiftUI',
  'Jetpack Compose',
  'Blazor',
  // Infrastructure.
  'Kubernetes',
  'Docker',
  'AWS Lambda',
  'Azure Functions',
  'Cloud Run',
  'Kong',
  'NGINX',
  'Envoy',
  'Traefik',
  'HAProxy',
  'Istio',
  'Linkerd',
  'Keycloak',
  'Auth0',
  'Okta',
  'Vault',
  'Stripe',
  'Twilio',
  'SendGrid',
  'gRPC',
  'GraphQL',
  'Prometheus',
  'Grafana',
  'Jaeger',
  'OpenTelemetry',
  'Datadog',
];

/** Other ways of writing a known name. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['postgres', 'PostgreSQL'],
  ['postgresql', 'PostgreSQL'],
  ['rds', 'Amazon RDS'],
  ['aws rds', 'Amazon RDS'],
  ['s3', 'Amazon S3'],
  ['aws s3', 'Amazon S3'],
  ['sqs', 'Amazon SQS'],
  ['aws sqs', 'Amazon SQS'],
  ['sns', 'Amazon SNS'],
  ['apache kafka', 'Kafka'],
  ['golang', 'Go'],
  ['nodejs', 'Node.js'],
  ['node', 'Node.js'],
  ['k8s', 'Kubernetes'],
  ['mssql', 'SQL Server'],
  ['elastic', 'Elasticsearch'],
  ['ruby on rails', 'Rails'],
  ['lambda', 'AWS Lambda'],
]);

/** Values that say there is no technology. */
const NONE = new Set(['none', 'n/a', 'na', '-', 'tbd', 'unknown', 'other']);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const names = [...KNOWN.map((name) => [name, name] as const), ...[...ALIASES].map(([alias, name]) => [alias, name] as const)]
  // Longest first: "Spring Boot" before "Spring", "React Native" before "React".
  .sort((a, b) => b[0].length - a[0].length);
const PATTERN = new RegExp(`(?<![\\w.#+-])(${names.map(([written]) => escape(written)).join('|')})(?![\\w#+-]|\\.\\w)`, 'gi');
const canonical = new Map(names.map(([written, name]) => [written.toLowerCase(), name]));
const exact = new Set(KNOWN.filter((name) => name.length <= 3));

/** The technologies `text` names, each once, in the order written. */
export function technologies(text: string | undefined): string[] {
  if (!text) return [];
  const found: string[] = [];
  for (const match of text.matchAll(PATTERN)) {
    const written = match[1]!;
    const name = canonical.get(written.toLowerCase());
    // Short names ("Go", "C#") only as written: "go" in a sentence is not the language.
    if (!name || (exact.has(name) && written !== name)) continue;
    if (!found.includes(name)) found.push(name);
  }
  if (found.length > 0) return found;
  // Unknown: the name before any qualifier, without versions.
  const head = text
    .split(/[(,;]/)[0]!
    .replace(/\bv?\d+(?:\.\d+)*(?:\.x)?\b/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  return head === '' || NONE.has(head.toLowerCase()) ? [] : [head];
}
