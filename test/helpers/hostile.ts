import { modelOf } from './model.ts';

/** Names that try to break out of a mermaid label: quotes, statements, directives, markup, new lines. */
export const HOSTILE = [
  '"]; click x call alert(1)',
  '<img src=x onerror=alert(1)>',
  '%%{init: {"securityLevel": "loose"}}%%',
  'a"-->b["pwned',
  'line one\nflowchart LR\n  evil --> x',
  '<br/><script>alert(1)</script>',
  '`**md**` #quot; &amp; {}',
];

export const hostileModel = () =>
  modelOf({
    'content/system.yaml': `name: ${JSON.stringify(HOSTILE[2])}\ndescription: ${JSON.stringify(HOSTILE[4])}\n`,
    'content/people/p.yaml': `name: ${JSON.stringify(HOSTILE[0])}\nuses: [{ target: s, description: ${JSON.stringify(HOSTILE[3])}, protocol: ${JSON.stringify(HOSTILE[5])} }]\n`,
    'content/systems/x.yaml': `name: ${JSON.stringify(HOSTILE[6])}\n`,
    'content/domains/d.yaml': `name: ${JSON.stringify(HOSTILE[2])}\ntype: core\n`,
    'content/resources/r.yaml': `name: ${JSON.stringify(HOSTILE[1])}\ntype: ${JSON.stringify(HOSTILE[0])}\n`,
    'content/services/s.yaml': [
      `name: ${JSON.stringify(HOSTILE[1])}`,
      `responsibility: ${JSON.stringify(HOSTILE[4])}`,
      'domain: d',
      `data: { entities: [${JSON.stringify(HOSTILE[3])}, Safe], stores: [r], relations: [{ from: Safe, to: ${JSON.stringify(HOSTILE[3])}, cardinality: "1:N", label: ${JSON.stringify(HOSTILE[0])} }] }`,
      `dependencies: [{ target: x, protocol: ${JSON.stringify(HOSTILE[2])} }]`,
      `stack: { language: ${JSON.stringify(HOSTILE[5])} }`,
      `components: [{ id: c, name: ${JSON.stringify(HOSTILE[6])}, layer: ${JSON.stringify(HOSTILE[0])}, technology: ${JSON.stringify(HOSTILE[1])}, uses: [r] }]`,
      '',
    ].join('\n'),
    'content/deployments/e.yaml': `name: ${JSON.stringify(HOSTILE[3])}\nnodes: [{ id: n, name: ${JSON.stringify(HOSTILE[0])}, technology: ${JSON.stringify(HOSTILE[2])}, instances: [{ service: s, replicas: 2 }] }]\n`,
  });
