import { z } from 'zod';
import { elementDescription, elementId, elementName, id, lifecycle, oneOf, reference, references, replacedBy, text, textOrList } from './common.ts';

export const SERVICE_TYPES = ['service', 'web-app', 'mobile-app', 'gateway', 'worker', 'function'] as const;
export const CARDINALITIES = ['1:1', '1:N', 'N:1', 'N:M'] as const;
/** What a service level objective measures. */
export const SLO_INDICATORS = ['availability', 'latency', 'error_rate', 'throughput', 'freshness', 'durability', 'other'] as const;
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** An RPC method: its name, or `{ name, summary }`. */
const rpcMethod = z
  .union([
    z.string().min(1),
    z.strictObject({
      name: z.string().min(1).describe('The method’s name, as its .proto or IDL writes it: CheckStock.'),
      summary: z.string().optional().describe('What the method does, in a few words.'),
    }),
  ])
  .describe('A method: its name, or { name, summary }.');

const restEndpoint = z.strictObject({
  method: z
    .preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), oneOf(HTTP_METHODS, {
        GET: 'Reads.',
        POST: 'Creates, or runs an action.',
        PUT: 'Replaces.',
        PATCH: 'Changes part of.',
        DELETE: 'Removes.',
        HEAD: 'Reads the headers only.',
        OPTIONS: 'Asks what is allowed.',
      }))
    .describe('The HTTP method, in any case: GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS.'),
  path: z.string().min(1).describe('The path, with parameters in braces: /api/v1/orders/{id}. Checked against the OpenAPI description when there is one.'),
  summary: z.string().optional().describe('What the endpoint does, in a few words.'),
  description: z.string().optional().describe('More about the endpoint.'),
});

/** An outgoing call: `{ target, protocol, description }`, or the bare id. */
const dependency = z
  .union([
    reference,
    z.strictObject({
      target: reference.describe('What is called: a service, resource or external system, by id.'),
      protocol: z.string().optional().describe('How: REST, gRPC, HTTPS, AMQP … Drawn on the arrow.'),
      description: z.string().optional().describe('What for, in a few words.'),
      lifecycle: lifecycle.describe('Where the call stands: a planned call to a planned service is no fault.'),
    }),
  ])
  .describe('A call this service makes: an id, or { target, protocol, description }.');

/**
 * An event consumed: its id, or `{ event, fields }` where the consumer says which fields of the
 * payload it reads (`data.total`, `lines[].sku`): a field removed that no consumer reads breaks nobody.
 */
const consumed = z
  .union([
    reference,
    z.strictObject({
      event: reference.describe('The event consumed, by id.'),
      fields: z
        .array(z.string().min(1))
        .optional()
        .describe('The fields of its payload this service reads, as paths: data.total, lines[].sku. Each is checked against the event’s schema.'),
      description: z.string().optional().describe('What it does with the event, in a few words.'),
    }),
  ])
  .describe('An event consumed: an id, or { event, fields }.');

/** C4 level 3: a component inside the service. */
const component = z.strictObject({
  id: id.describe('The component’s id, unique within the service; other components’ uses name it.'),
  name: z.string().min(1).describe('The component’s name: OrderController.'),
  layer: z.string().optional().describe('The layer that groups it in the component diagram: api, application, domain, infrastructure …'),
  description: z.string().optional().describe('What the component does.'),
  technology: z.string().optional().describe('What it is built with: Gin handler, pgx, Kafka producer.'),
  uses: references
    .optional()
    .describe('What it calls, by id: components of the same service, or any service, resource or external system.'),
});

/** A figure of the template's non-functional section, written as text or a number: `200ms`, `99.9%`. */
const measure = (what: string) => text.optional().describe(what);

/** `services/`: deployable units, described by the seed's Service Design Template. */
export const serviceSchema = z.strictObject({
  id: elementId,
  name: elementName,
  type: oneOf(SERVICE_TYPES, {
    service: 'A backend service (the default).',
    'web-app': 'A web application people use in a browser.',
    'mobile-app': 'An app on a phone.',
    gateway: 'An API gateway: the one entry point that routes calls to services.',
    worker: 'A background worker: consumes queues or runs scheduled jobs.',
    function: 'A serverless function.',
  })
    .optional()
    .describe('What kind of deployable unit it is; diagrams draw each kind its own way.'),
  responsibility: z.string().min(1).describe('One sentence: what the service does (template section 1).'),
  domain: reference.describe('The domain (bounded context) the service belongs to, by id (template section 2).'),
  owner: reference.optional().describe('The team that owns the service, by id.'),
  description: elementDescription,
  lifecycle,
  replacedBy,
  data: z
    .strictObject({
      entities: z.array(z.string()).optional().describe('The entities this service owns; data has one owner, so two services listing one entity is an error.'),
      stores: references.optional().describe('The resources the service stores data in, by id.'),
      relations: z
        .array(
          z.strictObject({
            from: z.string().min(1).describe('An entity, of this or any service.'),
            to: z.string().min(1).describe('An entity, of this or any service.'),
            cardinality: oneOf(CARDINALITIES, {
              '1:1': 'One to one.',
              '1:N': 'One to many.',
              'N:1': 'Many to one.',
              'N:M': 'Many to many.',
            }).describe('How many of each: 1:1, 1:N, N:1 or N:M (quote it in YAML).'),
            label: z.string().optional().describe('The relation in a word or two: contains, refers to.'),
          }),
        )
        .optional()
        .describe('Relations between entities, for the entity-relationship diagram.'),
    })
    .optional()
    .describe('Data ownership (template section 3): the entities it owns and where it stores them.'),
  apis: z
    .strictObject({
      rest: z.array(restEndpoint).optional().describe('The REST endpoints: { method, path, summary }.'),
      grpc: z.array(rpcMethod).optional().describe('The gRPC methods: names, or { name, summary }. Checked against the .proto file when there is one.'),
      rpc: z
        .array(
          z.strictObject({
            protocol: z.string().min(1).describe('The protocol: Thrift, JSON-RPC, SOAP …'),
            methods: z.array(rpcMethod).optional().describe('Its methods.'),
            summary: z.string().optional().describe('What the API is for.'),
          }),
        )
        .optional()
        .describe('Any other RPC protocol, with its methods.'),
      openapi: z
        .string()
        .min(1)
        .optional()
        .describe('The OpenAPI (3.0, 3.1) or Swagger 2 description, as a path relative to this file or a URL: validated, and its operations shown on the page.'),
      asyncapi: z
        .string()
        .min(1)
        .optional()
        .describe(
          'The AsyncAPI (2 or 3) document of what it sends and receives, as a path relative to this file or a URL: validated, checked against events.publishes and consumes, and its channels, operations and messages shown.',
        ),
      proto: z.string().min(1).optional().describe('The Protocol Buffers file, as a path relative to this file or a URL: its services, methods and messages are shown.'),
      graphql: z.string().min(1).optional().describe('The GraphQL schema (SDL), as a path relative to this file or a URL: its queries, mutations and types are shown.'),
    })
    .optional()
    .describe('The APIs the service offers (template section 4).'),
  events: z
    .strictObject({
      publishes: references.optional().describe('The events it publishes, by id.'),
      consumes: z
        .array(consumed)
        .optional()
        .describe('The events it consumes, by id, or { event, fields } naming the payload fields it reads; an event nobody publishes is an error.'),
    })
    .optional()
    .describe('The events it publishes and consumes (template section 5).'),
  dependencies: z.array(dependency).optional().describe('The services, resources and external systems it calls (template section 6).'),
  nfr: z
    .strictObject({
      latency_p50: measure('Median response time: 50ms.'),
      latency_p90: measure('90th percentile response time.'),
      latency_p95: measure('95th percentile response time.'),
      latency_p99: measure('99th percentile response time: 200ms.'),
      latency: measure('Response time, without a percentile.'),
      performance: measure('Performance, in free text.'),
      throughput: measure('Requests or messages handled per unit of time: 500 rps.'),
      scalability: measure('How it scales: "horizontal, to 20 replicas".'),
      availability: measure('Uptime: 99.9%.'),
      durability: measure('How much data may be lost: 99.999999999%.'),
      error_rate: measure('The share of requests that may fail: 0.1%.'),
      rpo: measure('Recovery point objective: how much data may be lost in a disaster, as time: 5min.'),
      rto: measure('Recovery time objective: how long it may be down in a disaster: 1h.'),
      retention: measure('How long data is kept: 7 years.'),
    })
    .optional()
    .describe('Non-functional requirements (template section 7); compared with the requirements’ targets.'),
  slos: z
    .array(
      z.strictObject({
        indicator: oneOf(SLO_INDICATORS, {
          availability: 'The share of time or requests served.',
          latency: 'How fast requests are answered.',
          error_rate: 'The share of requests that fail.',
          throughput: 'How much is handled per unit of time.',
          freshness: 'How old data may be.',
          durability: 'How much data may be lost.',
          other: 'Any other indicator.',
        }).describe('What is measured.'),
        objective: text.describe('The objective: 99.9%, p99 under 200ms.'),
        window: z.string().optional().describe('Over which window: 30d, rolling 28 days.'),
        description: z.string().optional().describe('More about the objective.'),
      }),
    )
    .optional()
    .describe('Service level objectives: what is measured, the objective, over which window.'),
  stack: z
    .strictObject({
      language: z.string().optional().describe('Programming language and version: Go 1.21.'),
      framework: z.string().optional().describe('Framework: Gin, Spring Boot, FastAPI.'),
      runtime: z.string().optional().describe('Runtime: Node.js 20, JVM 21.'),
      database: z.string().optional().describe('Database: PostgreSQL 15.'),
      cache: z.string().optional().describe('Cache: Redis 7.'),
      messaging: z.string().optional().describe('Messaging: Kafka, RabbitMQ.'),
      search: z.string().optional().describe('Search: Elasticsearch 8.'),
      storage: z.string().optional().describe('Object or file storage: S3.'),
      ui: z.string().optional().describe('UI technology: React 18, SwiftUI.'),
      state: z.string().optional().describe('Client state management: Redux.'),
      build: z.string().optional().describe('Build tool: Vite, Gradle.'),
      libraries: z.array(z.string()).optional().describe('Other notable libraries.'),
    })
    .optional()
    .describe('The technology stack (template section 8); the search filters by it.'),
  deployment: z
    .strictObject({
      containerized: z.boolean().optional().describe('Whether it runs in a container.'),
      replicas: z.number().int().nonnegative().optional().describe('How many instances run.'),
      cpu: measure('CPU per instance: 500m.'),
      memory: measure('Memory per instance: 512Mi.'),
      autoscaling: z.union([z.boolean(), z.string()]).optional().describe('Whether it scales automatically, or how: "HPA on CPU, 3 to 10".'),
      platform: z.string().optional().describe('Where it runs: Kubernetes, AWS Lambda.'),
      strategy: z.string().optional().describe('How new versions roll out: rolling, blue-green, canary.'),
      image: z
        .string()
        .optional()
        .describe('The container image it runs, with its tag: ghcr.io/acme/orders:1.4.2. `check --against` compares it with what is deployed.'),
    })
    .optional()
    .describe('How it is deployed (template section 9); where it runs comes from deployments/.'),
  security: z
    .strictObject({
      authentication: textOrList.optional().describe('How callers prove who they are: JWT, OAuth 2.0, mTLS.'),
      authorization: textOrList.optional().describe('How access is decided: RBAC, ABAC, scopes.'),
      encryption: textOrList.optional().describe('What is encrypted: at-rest, in-transit.'),
      secrets: z.string().optional().describe('Where secrets are kept: Vault, AWS Secrets Manager.'),
      audit: z.union([z.boolean(), z.string()]).optional().describe('Whether, or how, actions are audited.'),
      compliance: textOrList.optional().describe('Standards it must meet: PCI DSS, GDPR.'),
    })
    .optional()
    .describe('Security (template section 10); the security overview collects it.'),
  monitoring: z
    .strictObject({
      health: z.string().optional().describe('The health check endpoint: /health.'),
      metrics: z.string().optional().describe('Where metrics go: Prometheus.'),
      logging: z.string().optional().describe('How it logs: structured JSON.'),
      tracing: z.union([z.boolean(), z.string()]).optional().describe('Whether, or how, it is traced: OpenTelemetry.'),
      alerting: z.string().optional().describe('How people are alerted: PagerDuty.'),
      dashboards: z.string().optional().describe('Where its dashboards are: Grafana.'),
    })
    .optional()
    .describe('Monitoring (template section 11).'),
  components: z.array(component).optional().describe('The components inside the service, for its component diagram (C4 level 3).'),
});

export type ServiceData = z.infer<typeof serviceSchema>;
export type ServiceType = (typeof SERVICE_TYPES)[number];
