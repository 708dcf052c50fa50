import type { ElementKind } from '../model/kinds.ts';

/** What a new element's template fills in: its name, and existing ids to reference. */
export interface TemplateContext {
  /** A readable name made from the id: `payment-service` → `Payment Service`. */
  readonly name: string;
  /** An existing domain, team and service to point at, so the new file checks clean. */
  readonly domain?: string | undefined;
  readonly team?: string | undefined;
  readonly service?: string | undefined;
  /** Today, YYYY-MM-DD, for a decision's date. */
  readonly today: string;
}

/** The file a new element of each kind is started from: YAML, or Markdown for decisions and docs. */
export const TEMPLATE_EXTENSION: Readonly<Record<ElementKind, 'yaml' | 'md'>> = {
  person: 'yaml',
  system: 'yaml',
  team: 'yaml',
  domain: 'yaml',
  service: 'yaml',
  resource: 'yaml',
  event: 'yaml',
  deployment: 'yaml',
  decision: 'md',
  doc: 'md',
  stakeholder: 'yaml',
  requirement: 'yaml',
  risk: 'yaml',
  role: 'yaml',
  flow: 'yaml',
};

const quote = (text: string) => JSON.stringify(text);

/**
 * A new element's file, with every section of its template present: what it needs to check
 * clean is filled in, the rest is commented with what it holds. `npm run new` writes it.
 */
export function elementTemplate(kind: ElementKind, c: TemplateContext): string {
  const owner = c.team ? `owner: ${c.team}` : '# owner: <team id>';
  switch (kind) {
    case 'service':
      return `# A service, described by the service design template. Uncomment what applies.
name: ${quote(c.name)}
# service | web-app | mobile-app | gateway | worker | function
type: service
# One sentence: what this service is responsible for.
responsibility: ${quote(`What ${c.name} is responsible for.`)}
# The bounded context it belongs to (a domain id).
domain: ${c.domain ?? '<domain id>'}
${owner}
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
`;
    case 'domain':
      return `# A bounded context.
name: ${quote(c.name)}
# core | supporting | generic
type: core
# description: What this domain is about.
${owner}
`;
    case 'team':
      return `# A team that owns domains and services.
name: ${quote(c.name)}
# description: What the team does.
# contact: team@example.com
# members: [A. Person]
`;
    case 'person':
      return `# Someone who uses the system.
name: ${quote(c.name)}
# description: Who they are and what they want.
# uses:
#   - { target: ${c.service ?? '<service id>'}, description: What they do with it, protocol: HTTPS }
`;
    case 'system':
      return `# An external system the architecture depends on, or that depends on it.
name: ${quote(c.name)}
# description: What it is.
# url: https://example.com
# uses:
#   - { target: ${c.service ?? '<service id>'}, protocol: REST }
`;
    case 'resource':
      return `# A database, cache, queue or broker, bucket or search index.
name: ${quote(c.name)}
# What it is: postgresql, redis, kafka, s3 …
type: postgresql
# category: database   # database | cache | queue | storage | search | other
# technology: PostgreSQL 16
# description: What it holds.
# shared: true         # several services use it on purpose
`;
    case 'event':
      return `# An event contract.
name: ${quote(c.name)}
# description: When it is emitted, and what it means.
# version: "1.0"
# channel: ${'<topic>'}
# broker: <resource id>
# schema: ./${'<file>'}.schema.json
# example: { id: "123" }
`;
    case 'deployment':
      return `# An environment: nested nodes, with the services and resources they run.
name: ${quote(c.name)}
# description: What this environment is for.
nodes:
  - id: cluster
    name: Cluster
    # technology: Kubernetes
${c.service ? `    instances:\n      - { service: ${c.service}, replicas: 2 }` : '    # instances:\n    #   - { service: <service id>, replicas: 2 }'}
`;
    case 'decision':
      return `---
title: ${quote(c.name)}
# proposed | accepted | rejected | deprecated | superseded
status: proposed
date: ${c.today}
# deciders: [A. Person]
# supersedes: [<decision id>]
# affects: [${c.service ?? '<element id>'}]
# The technology decision template:
# technology: PostgreSQL
# purpose: What the choice is for.
# alternatives:
#   - { name: MySQL, pros: [Familiar], cons: [Fewer JSON features] }
# rationale: { team_expertise: High, community_support: Strong }
# risks:
#   - { risk: What could go wrong, mitigation: What we do about it }
---

## Context

What forces are at play.

## Decision

What we decided.

## Consequences

What becomes easier, and what harder.
`;
    case 'doc':
      return `---
title: ${quote(c.name)}
# description: One line on what this page is for.
# order: 10
---

Write here. Link elements by their file: [a service](../services/${c.service ?? '<service id>'}.yaml).
`;
    case 'stakeholder':
      return `# Someone with a stake in the system.
name: ${quote(c.name)}
# description: Who they are.
# concerns: [Cost, Performance]
# influence: high   # low | medium | high
# interest: medium  # low | medium | high
# represents: [${c.team ?? '<team or person id>'}]
`;
    case 'requirement':
      return `# A requirement: functional (a user story) or non-functional (a measurable target).
title: ${quote(c.name)}
type: functional
story: As a <role>, I want <something>, so that <benefit>.
# acceptance:
#   - What must hold for it to be met
# For a non-functional requirement instead:
# type: non-functional
# category: performance   # performance | availability | scalability | security | compliance | recovery | …
# target: { metric: latency_p99, value: 200, unit: ms }
# must | should | could | wont
priority: should
# proposed | accepted | implemented | verified | rejected
status: proposed
${c.service ? `satisfiedBy: [${c.service}]` : '# satisfiedBy: [<element id>]'}
# raisedBy: [<stakeholder id>]
`;
    case 'risk':
      return `# A risk: how likely, how bad, and what is done about it.
title: ${quote(c.name)}
# description: What could happen.
# very-low | low | medium | high | very-high
likelihood: medium
impact: medium
mitigation: What we do about it.
${c.team ? `owner: ${c.team}` : '# owner: <team or person id>'}
# open | mitigating | mitigated | accepted | closed
status: open
# review: ${c.today}
${c.service ? `affects: [${c.service}]` : '# affects: [<element id>]'}
`;
    case 'role':
      return `# A role and what it may do: CRUD letters (C create, R read, U update, D delete), or - for none.
name: ${quote(c.name)}
# description: Who has this role.
${c.service ? `permissions:\n  ${c.service}: R` : '# permissions:\n#   <element id>: CRUD'}
`;
    case 'flow':
      return `# A flow between people, external systems, services and resources, drawn as a sequence diagram.
title: ${quote(c.name)}
# description: What the flow achieves.
steps:
${c.service ? `  - { from: ${c.service}, to: ${c.service}, message: Does the first thing }` : '  - { from: <element id>, to: <element id>, message: Does the first thing }'}
#  - { from: <element id>, to: <element id>, message: Answers, reply: true }
`;
  }
}

/** A readable name made from an id: `payment-service` → `Payment Service`. */
export function nameFromId(id: string): string {
  return id
    .split(/[-_.]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
