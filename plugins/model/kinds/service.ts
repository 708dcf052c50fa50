import { serviceSchema } from '../schemas/service.ts';
import { consumedId } from '../queries.ts';
import { CALL_TARGETS, resolveUses } from './calls.ts';
import { replacedByField, resolveReplacement } from './replacement.ts';
import { defineKind, ownerLine, quote } from './define.ts';

/** A service, following the service design template. */
export const service = defineKind({
  kind: 'service',
  folder: 'services',
  label: 'Service',
  plural: 'Services',
  sidebar: { position: 10 },
  schema: serviceSchema,
  references: {
    domain: { kinds: ['domain'], role: 'domain' },
    owner: { kinds: ['team'], role: 'owner' },
    stores: { kinds: ['resource'], role: 'store' },
    publishes: { kinds: ['event'], role: 'published event' },
    consumes: { kinds: ['event'], role: 'consumed event' },
    dependencies: { kinds: CALL_TARGETS, role: 'dependency' },
    /** A component's use: of another component of the service, or of what a dependency may name. */
    uses: { kinds: CALL_TARGETS, role: 'component use' },
    replacedBy: replacedByField(['service']),
  },
  resolve: (el, r) => {
    const { data } = el;
    resolveReplacement(r, data);
    const domain = r.ref('domain', ['domain'], data.domain);
    if (domain) r.relations.domainOf.set(el.id, domain.id);
    if (data.owner !== undefined) {
      const team = r.ref('owner', ['owner'], data.owner);
      if (team) r.relations.owned.add(team.id, r.self);
    }
    data.data?.entities?.forEach((entity, i) => r.entity(['data', 'entities', i], entity));
    data.data?.stores?.forEach((raw, i) => {
      const store = r.ref('stores', ['data', 'stores', i], raw);
      if (!store) return;
      r.occurrence('stores', ['data', 'stores', i], store);
      r.relations.resourceUsers.add(store.id, { service: el.id, via: 'store' });
    });
    data.events?.publishes?.forEach((raw, i) => {
      const event = r.ref('publishes', ['events', 'publishes', i], raw);
      if (event) r.occurrence('publishes', ['events', 'publishes', i], event);
    });
    data.events?.consumes?.forEach((entry, i) => {
      const path = typeof entry === 'string' ? ['events', 'consumes', i] : ['events', 'consumes', i, 'event'];
      const event = r.ref('consumes', path, consumedId(entry));
      if (event) r.occurrence('consumes', path, event);
    });
    for (const { to, path } of resolveUses(r, data.dependencies, 'dependencies')) {
      r.occurrence('dependencies', path, to);
      if (to.kind === 'resource') r.relations.resourceUsers.add(to.id, { service: el.id, via: 'dependency' });
    }
    const componentIds = new Set((data.components ?? []).map((c) => c.id));
    data.components?.forEach((component, i) => {
      component.uses?.forEach((raw, j) => {
        const role = `component '${component.id}' use`;
        const target = r.refOrComponent('uses', ['components', i, 'uses', j], raw, componentIds, role);
        if (!target) return;
        r.relations.componentUses.add(`${el.id}/${component.id}`, target);
        if (target.kind === 'resource')
          r.relations.resourceUsers.add(target.id, { service: el.id, via: 'component', detail: component.id });
      });
    });
    data.data?.relations?.forEach((relation, index) => {
      const entry = { ...relation, service: el.id, index };
      r.relations.entityRelations.add(relation.from, entry);
      if (relation.to !== relation.from) r.relations.entityRelations.add(relation.to, entry);
    });
  },
  scaffold: {
    extension: 'yaml',
    text: (c) => `# A service, described by the service design template. Uncomment what applies.
name: ${quote(c.name)}
# service | web-app | mobile-app | gateway | worker | function
type: service
# One sentence: what this service is responsible for.
responsibility: ${quote(`What ${c.name} is responsible for.`)}
# The bounded context it belongs to (a domain id).
domain: ${c.domain ?? '<domain id>'}
${ownerLine(c)}
# description: A paragraph on how it works.

# Data ownership: the entities it owns, the resources that store them.
# data:
#   entities: [Entity]
#   stores: [<resource id>]

# APIs: REST endpoints, gRPC methods, API description files (paths relative to this file).
# The files are validated and shown on the page; rest and grpc are checked against them.
# apis:
#   rest:
#     - { method: GET, path: /api/v1/things, summary: List things }
#   grpc: [GetThing]
#   openapi: ./${'<file>'}.openapi.yaml
#   proto: ./${'<file>'}.proto
#   graphql: ./${'<file>'}.graphql

# Events it publishes and consumes (event ids).
# events:
#   publishes: [<event id>]
#   consumes: [<event id>]

# Synchronous dependencies: services, resources or external systems it calls.
# dependencies:
#   - { target: ${c.service ?? '<service id>'}, protocol: REST, description: What it asks for }

# Non-functional requirements.
# nfr:
#   latency_p99: 200ms
#   availability: 99.9%
#   throughput: 500 rps

# Service level objectives.
# slos:
#   - { indicator: availability, objective: 99.9%, window: 30d }

# Technology stack.
# stack:
#   language: Go
#   framework: Gin
#   database: PostgreSQL

# Deployment.
# deployment:
#   containerized: true
#   replicas: 3
#   cpu: 500m
#   memory: 512Mi

# Security.
# security:
#   authentication: JWT
#   authorization: RBAC
#   encryption: [at rest, in transit]

# Monitoring.
# monitoring:
#   health: /health
#   metrics: Prometheus
#   logging: Structured JSON
#   tracing: true

# Components (C4 level 3).
# components:
#   - { id: api, name: API, layer: api, technology: REST controller, uses: [<resource id>] }
`,
  },
});
