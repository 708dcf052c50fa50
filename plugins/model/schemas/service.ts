import { z } from 'zod';
import { id, reference, references, text, textOrList } from './common.ts';

export const SERVICE_TYPES = ['service', 'web-app', 'mobile-app', 'gateway', 'worker', 'function'] as const;
export const CARDINALITIES = ['1:1', '1:N', 'N:1', 'N:M'] as const;
/** What a service level objective measures. */
export const SLO_INDICATORS = ['availability', 'latency', 'error_rate', 'throughput', 'freshness', 'durability', 'other'] as const;
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** An RPC method: its name, or `{ name, summary }`. */
const rpcMethod = z.union([z.string().min(1), z.strictObject({ name: z.string().min(1), summary: z.string().optional() })]);

const restEndpoint = z.strictObject({
  /** HTTP method, in any case. @example "POST" */
  method: z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(HTTP_METHODS)),
  /** @example "/api/v1/orders" */
  path: z.string().min(1),
  summary: z.string().optional(),
  description: z.string().optional(),
});

/** An outgoing call: `{ target, protocol, description }`, or the bare id. */
const dependency = z.union([
  reference,
  z.strictObject({
    /** A service, resource or external system. */
    target: reference,
    protocol: z.string().optional(),
    description: z.string().optional(),
  }),
]);

/** C4 level 3: a component inside the service. */
const component = z.strictObject({
  id,
  name: z.string().min(1),
  /** The layer that groups it: api, application, domain, infrastructure ... */
  layer: z.string().optional(),
  description: z.string().optional(),
  technology: z.string().optional(),
  /** Components of the same service, or any service, resource or external system. */
  uses: references.optional(),
});

/** `services/`: deployable units, described by the seed's Service Design Template. */
export const serviceSchema = z.strictObject({
  id: id.optional(),
  name: z.string().min(1),
  type: z.enum(SERVICE_TYPES).optional(),
  /** One sentence: what the service does. */
  responsibility: z.string().min(1),
  /** The bounded context. */
  domain: reference,
  owner: reference.optional(),
  description: z.string().optional(),
  data: z
    .strictObject({
      /** Entities this service owns; data has one owner. */
      entities: z.array(z.string().min(1)).optional(),
      /** Resources the service stores data in. */
      stores: references.optional(),
      /**
       * Relations between entities, for the entity-relationship diagram. `from` and `to`
       * name entities of any service. @example { from: Order, to: OrderItem, cardinality: "1:N", label: contains }
       */
      relations: z
        .array(
          z.strictObject({
            from: z.string().min(1),
            to: z.string().min(1),
            cardinality: z.enum(CARDINALITIES),
            label: z.string().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  apis: z
    .strictObject({
      rest: z.array(restEndpoint).optional(),
      grpc: z.array(rpcMethod).optional(),
      rpc: z
        .array(
          z.strictObject({
            protocol: z.string().min(1),
            methods: z.array(rpcMethod).optional(),
            summary: z.string().optional(),
          }),
        )
        .optional(),
      /** OpenAPI document, relative to this file. */
      openapi: z.string().min(1).optional(),
      proto: z.string().min(1).optional(),
      graphql: z.string().min(1).optional(),
    })
    .optional(),
  events: z
    .strictObject({
      publishes: references.optional(),
      consumes: references.optional(),
    })
    .optional(),
  dependencies: z.array(dependency).optional(),
  nfr: z
    .strictObject({
      latency_p50: text.optional(),
      latency_p90: text.optional(),
      latency_p95: text.optional(),
      latency_p99: text.optional(),
      latency: text.optional(),
      performance: text.optional(),
      throughput: text.optional(),
      scalability: text.optional(),
      availability: text.optional(),
      durability: text.optional(),
      error_rate: text.optional(),
      rpo: text.optional(),
      rto: text.optional(),
      retention: text.optional(),
    })
    .optional(),
  /** Service level objectives: what is measured, the objective, over which window. */
  slos: z
    .array(
      z.strictObject({
        indicator: z.enum(SLO_INDICATORS),
        /** `99.9%`, `p99 < 200ms`. */
        objective: text,
        /** `30d`, `rolling 28 days`. */
        window: z.string().optional(),
        description: z.string().optional(),
      }),
    )
    .optional(),
  stack: z
    .strictObject({
      language: z.string().optional(),
      framework: z.string().optional(),
      runtime: z.string().optional(),
      database: z.string().optional(),
      cache: z.string().optional(),
      messaging: z.string().optional(),
      search: z.string().optional(),
      storage: z.string().optional(),
      ui: z.string().optional(),
      state: z.string().optional(),
      build: z.string().optional(),
      libraries: z.array(z.string()).optional(),
    })
    .optional(),
  deployment: z
    .strictObject({
      containerized: z.boolean().optional(),
      replicas: z.number().int().nonnegative().optional(),
      cpu: text.optional(),
      memory: text.optional(),
      autoscaling: z.union([z.boolean(), z.string()]).optional(),
      platform: z.string().optional(),
      strategy: z.string().optional(),
    })
    .optional(),
  security: z
    .strictObject({
      authentication: textOrList.optional(),
      authorization: textOrList.optional(),
      encryption: textOrList.optional(),
      secrets: z.string().optional(),
      audit: z.union([z.boolean(), z.string()]).optional(),
      compliance: textOrList.optional(),
    })
    .optional(),
  monitoring: z
    .strictObject({
      health: z.string().optional(),
      metrics: z.string().optional(),
      logging: z.string().optional(),
      tracing: z.union([z.boolean(), z.string()]).optional(),
      alerting: z.string().optional(),
      dashboards: z.string().optional(),
    })
    .optional(),
  components: z.array(component).optional(),
});

export type ServiceData = z.infer<typeof serviceSchema>;
export type ServiceType = (typeof SERVICE_TYPES)[number];
