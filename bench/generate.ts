import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * How the files are written: `yaml` (services as YAML, event schemas inline), or `markdown`,
 * the form other tools' benchmarks use: services as Markdown with front matter and a body of
 * prose, and every event's JSON Schema in a file of its own.
 */
export type ArchitectureStyle = 'yaml' | 'markdown';

/**
 * Writes a synthetic architecture of `n` services in 10 domains into `dir/content`:
 * each service publishes 2 events and consumes 2, calls up to 2 others, owns a database
 * and an entity; one deployment runs everything; ADRs and docs pages with prose link to
 * services. Deterministic: the same `n` and style give the same files.
 */
export function generateArchitecture(dir: string, n: number, style: ArchitectureStyle = 'yaml'): string {
  const content = path.join(dir, 'content');
  rmSync(content, { recursive: true, force: true });
  const write = (file: string, text: string) => {
    const full = path.join(content, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  };
  const pad = (i: number) => String(i).padStart(4, '0');
  const ext = style === 'yaml' ? 'yaml' : 'md';
  const svc = (i: number) => `svc-${pad(i)}`;
  const types = ['core', 'supporting', 'generic'];
  write(
    'system.yaml',
    `name: Synthetic platform of ${n} services\ndescription: Generated for benchmarks.\nrepository: https://example.org/synthetic\nowner: team-0\n`,
  );
  write('people/user.yaml', `name: User\nuses: [${svc(0)}]\n`);
  write('people/operator.yaml', `name: Operator\nuses: [${svc(n - 1)}]\n`);
  write('systems/payments.yaml', 'name: Payment provider\nurl: https://example.org/pay\n');
  write('systems/mail.yaml', 'name: Mail provider\n');
  for (let d = 0; d < 10; d++) {
    write(`teams/team-${d}.yaml`, `name: Team ${d}\ncontact: team-${d}@example.org\n`);
    write(
      `domains/domain-${d}.yaml`,
      `name: Domain ${d}\ntype: ${types[d % 3]}\nowner: team-${d}\ndescription: Bounded context number ${d}.\n`,
    );
  }
  write('resources/kafka.yaml', 'name: Kafka\ntype: kafka\n');
  write('resources/redis.yaml', 'name: Redis\ntype: redis\nshared: true\n');
  for (let i = 0; i < n; i++) {
    const deps = [i + 1, i + 3]
      .filter((j) => j < n)
      .map((j) => `  - { target: ${svc(j)}, protocol: REST, description: Reads what it needs }`);
    if (i % 50 === 0) deps.push('  - { target: payments, protocol: HTTPS }');
    const components =
      i % 10 === 0
        ? [
            'components:',
            `  - { id: api, name: API, layer: api, uses: [logic] }`,
            `  - { id: logic, name: Logic, layer: application, uses: [repo, client] }`,
            `  - { id: repo, name: Repository, layer: infrastructure, uses: [db-${pad(i)}] }`,
            `  - { id: client, name: Client, layer: infrastructure, uses: [${svc((i + 1) % n)}] }`,
          ]
        : [];
    const fields = [
      `name: Service ${i}`,
      `responsibility: Handles the part ${i} of the platform.`,
      `domain: domain-${i % 10}`,
      `owner: team-${i % 10}`,
      'data:',
      `  entities: [Entity${i}]`,
      `  stores: [db-${pad(i)}, redis]`,
      ...(i > 0 ? [`  relations: [{ from: Entity${i}, to: Entity${i - 1}, cardinality: "N:1", label: refers to }]`] : []),
      'apis:',
      `  rest: [{ method: GET, path: /api/v1/things-${i}, summary: List things }, { method: POST, path: /api/v1/things-${i}, summary: Create a thing }]`,
      'events:',
      `  publishes: [evt-${pad(i)}.a, evt-${pad(i)}.b]`,
      `  consumes: [evt-${pad((i + 1) % n)}.a, evt-${pad((i + 2) % n)}.b]`,
      ...(deps.length > 0 ? ['dependencies:', ...deps] : []),
      'nfr: { latency_p99: 200ms, availability: 99.9% }',
      `stack: { language: ${['Go', 'Java', 'Python', 'TypeScript'][i % 4]}, framework: Standard }`,
      'deployment: { containerized: true, replicas: 3, cpu: 500m, memory: 512Mi }',
      'security: { authentication: JWT, authorization: RBAC }',
      'monitoring: { health: /health, metrics: Prometheus, tracing: true }',
      ...components,
    ];
    if (style === 'yaml') write(`services/${svc(i)}.yaml`, [...fields, ''].join('\n'));
    else
      write(
        `services/${svc(i)}.md`,
        [
          '---',
          ...fields,
          '---',
          '',
          `Service ${i} handles part ${i} of the platform. It calls [the next service](./${svc((i + 1) % n)}.md) and publishes [its events](../events/evt-${pad(i)}.a.yaml).`,
          '',
          '## Design notes',
          '',
          `${'It keeps its own data and answers within its latency budget. '.repeat(6)}`,
          '',
          '- Reads are served from the cache when they can be.',
          '- Writes go to the database first, then an event is published.',
          '',
        ].join('\n'),
      );
    write(`resources/db-${pad(i)}.yaml`, `name: Database ${i}\ntype: postgresql\n`);
    for (const e of ['a', 'b']) {
      write(
        `events/evt-${pad(i)}.${e}.yaml`,
        [
          `name: Event ${i}${e}`,
          'version: "1.0"',
          `description: Something ${e} happened in service ${i}.`,
          `channel: topic-${i % 10}`,
          'broker: kafka',
          style === 'yaml'
            ? 'schema: { type: object, required: [id], properties: { id: { type: string, description: The thing. }, at: { type: string, format: date-time } } }'
            : `schema: ./evt-${pad(i)}.${e}.schema.json`,
          `example: { id: thing-${i}, at: "2024-01-01T00:00:00Z" }`,
          '',
        ].join('\n'),
      );
      if (style === 'markdown')
        write(
          `events/evt-${pad(i)}.${e}.schema.json`,
          `${JSON.stringify(
            {
              $schema: 'https://json-schema.org/draft/2020-12/schema',
              title: `Event ${i}${e}`,
              type: 'object',
              required: ['id', 'at'],
              properties: {
                id: { type: 'string', description: 'The thing.' },
                at: { type: 'string', format: 'date-time' },
                amount: { type: 'number', minimum: 0 },
                items: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' }, count: { type: 'integer' } } } },
              },
            },
            null,
            2,
          )}\n`,
        );
    }
  }
  const instances = Array.from({ length: n }, (_, i) => `          - { service: ${svc(i)}, replicas: 3 }`).join('\n');
  const dbs = Array.from({ length: n }, (_, i) => `          - { resource: db-${pad(i)} }`).join('\n');
  write(
    'deployments/production.yaml',
    `name: Production\nnodes:\n  - id: cloud\n    name: Cloud\n    nodes:\n      - id: cluster\n        name: Cluster\n        technology: Kubernetes\n        instances:\n${instances}\n      - id: data\n        name: Databases\n        instances:\n${dbs}\n          - { resource: kafka }\n          - { resource: redis }\n`,
  );
  for (let a = 0; a < Math.max(3, Math.floor(n / 10)); a++) {
    write(
      `decisions/${pad(a + 1)}-decision-${a}.md`,
      `---\ntitle: Decision ${a}\nstatus: accepted\ndate: 2024-01-${String((a % 28) + 1).padStart(2, '0')}\naffects: [${svc(a % n)}]\n---\n\n## Context\n\nThe [service](../services/${svc(a % n)}.${ext}) needed it.\n\n## Decision\n\nWe decided.\n`,
    );
  }
  for (let p = 0; p < Math.max(2, Math.floor(n / 50)); p++) {
    write(
      `docs/page-${p}.md`,
      `---\ntitle: Page ${p}\n---\n\nProse about [service ${p}](../services/${svc(p % n)}.${ext}) and the [domain](/domains/domain-${p % 10}/).\n\n${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(8)}\n`,
    );
  }
  return content;
}
