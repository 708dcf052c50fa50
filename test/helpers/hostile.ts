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
    // A sequence diagram: messages end at `;` and hold markup.
    'content/flows/f.yaml': `title: ${JSON.stringify(HOSTILE[4])}\nsteps:\n${HOSTILE.map((h, i) => `  - { from: ${i % 2 ? 's' : 'p'}, to: ${i % 3 ? 'x' : 's'}, message: ${JSON.stringify(`${h}; participant evil`)} }`).join('\n')}\n`,
  });

/** The payloads a careless or malicious author could put in any YAML field. */
export const PAYLOADS = [
  '<script>alert("script")</script>',
  '<img src=x onerror=alert("img")>',
  '<svg onload=alert("svg")>',
  'javascript:alert("js")',
  '"]; click n call alert("click")',
  '%%{init: {"securityLevel": "loose"}}%%',
  '<br/><b onmouseover=alert("br")>hover</b>',
  '"><script>alert("attr")</script>',
  "'-alert('quote')-'",
  '{{constructor.constructor(\'alert("tpl")\')()}}',
  '<a href="javascript:alert(\'a\')">link</a>',
];

/**
 * Strings that end the raw-text and attribute contexts a value can land in: `<title>`,
 * `<script>` (JSON included), `<style>`, `<textarea>`, `<noscript>`, a comment, and both
 * quotes. Every text field carries all of them after its payload, so every field is tried
 * in every context it reaches, in the head and in the body.
 */
export const BREAKOUTS = [
  '</title><img src=x onerror=alert("title")>',
  '</script><img src=x onerror=alert("script-end")>',
  '</style><img src=x onerror=alert("style")>',
  '</textarea><img src=x onerror=alert("textarea")>',
  '</noscript><img src=x onerror=alert("noscript")>',
  '--><img src=x onerror=alert("comment")>',
  '"><img src=x onerror=alert("double-quote")>',
  "'><img src=x onerror=alert('single-quote')>",
].join(' ');

/**
 * A whole architecture whose every text field holds a payload: names, descriptions, labels,
 * API summaries, template values, event examples and schemas, decisions. It checks clean:
 * payloads are data, and only URL fields refuse them (tested elsewhere).
 */
/** An SVG image whose script runs when the file is opened as a page, and never when it is drawn as an image. */
export const SCRIPTED_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" onload="alert(\'svg-onload\')"><script>alert("svg-file")</script><rect width="40" height="20" fill="teal"/></svg>\n';

/** A name with no place to break a line, wider than a phone: a channel name seen on a real site. */
export const LONG_WORD = 'eshop.ordering.order-status-changed-to-awaiting-validation.integration-event.v1';

export function hostileSite(): Record<string, string> {
  const p = (i: number) => JSON.stringify(`${PAYLOADS[i % PAYLOADS.length]} ${BREAKOUTS}`);
  const long = (i: number) => JSON.stringify(`${LONG_WORD}${PAYLOADS[i % PAYLOADS.length]} ${BREAKOUTS}`);
  return {
    'content/system.yaml': `name: ${p(0)}\ndescription: ${p(1)}\nrepository: https://example.org/repo\nowner: team\n`,
    'content/teams/team.yaml': `name: ${p(2)}\ndescription: ${p(3)}\ncontact: ${p(4)}\nmembers: [${p(5)}]\n`,
    'content/people/user.yaml': `name: ${p(6)}\ndescription: ${p(7)}\nuses: [{ target: svc, description: ${p(8)}, protocol: ${p(9)} }]\n`,
    'content/systems/ext.yaml': `name: ${p(10)}\ndescription: ${p(0)}\nurl: https://example.org/?q=%3Cscript%3E\nuses: [{ target: svc, description: ${p(1)} }]\n`,
    'content/domains/dom.yaml': `name: ${p(2)}\ntype: core\ndescription: ${p(3)}\nowner: constructor\n`,
    'content/resources/db.yaml': `name: ${p(4)}\ntype: postgresql\ndescription: ${p(5)}\ntechnology: ${p(6)}\n`,
    'content/resources/bus.yaml': `name: ${long(7)}\ntype: kafka\n`,
    'content/services/svc.yaml': [
      `name: ${p(8)}`,
      `responsibility: ${p(9)}`,
      `description: ${p(10)}`,
      'domain: dom',
      'owner: team',
      `data: { entities: [${p(0)}, Other], stores: [db], relations: [{ from: Other, to: ${p(0)}, cardinality: "1:N", label: ${p(1)} }] }`,
      `apis: { rest: [{ method: GET, path: ${p(2)}, summary: ${p(3)} }], grpc: [${p(4)}], rpc: [{ protocol: ${p(5)}, methods: [${p(6)}] }] }`,
      'events: { publishes: [evt] }',
      `dependencies: [{ target: ext, protocol: ${p(7)}, description: ${p(8)} }, { target: other, protocol: ${p(9)} }]`,
      `nfr: { latency_p99: ${p(10)}, availability: ${p(0)} }`,
      `stack: { language: ${p(1)}, framework: ${long(2)} }`,
      `deployment: { containerized: true, replicas: 2, cpu: ${p(3)} }`,
      `security: { authentication: ${p(4)}, encryption: [${p(5)}] }`,
      `monitoring: { health: ${p(6)}, metrics: ${p(7)} }`,
      `components: [{ id: c1, name: ${p(8)}, layer: ${p(9)}, technology: ${p(10)}, description: ${p(0)}, uses: [c2, db] }, { id: c2, name: ${p(1)}, layer: ${p(2)}, uses: [ext] }]`,
      '',
    ].join('\n'),
    'content/services/other.yaml': `name: ${p(3)}\ntype: worker\nresponsibility: ${p(4)}\ndomain: dom\nevents: { consumes: [evt] }\n`,
    'content/events/evt.yaml': [
      `name: ${p(5)}`,
      `version: ${p(6)}`,
      `description: ${p(7)}`,
      `channel: ${long(8)}`,
      'broker: bus',
      `schema: { type: object, properties: { ${p(9)}: { type: string, description: ${p(10)}, enum: [${p(0)}] }, constructor: { type: string }, toString: { $ref: "#/constructor" }, valueOf: { $ref: "#/properties/constructor" } } }`,
      `example: { ${p(1)}: ${p(2)}, nested: [${p(3)}], constructor: 1, toString: { valueOf: 2 } }`,
      '',
    ].join('\n'),
    'content/deployments/env.yaml': `name: ${p(4)}\ndescription: ${p(5)}\nnodes: [{ id: n1, name: ${p(6)}, technology: ${p(7)}, description: ${p(8)}, instances: [{ service: svc, replicas: 2, description: ${p(9)} }, { resource: db }], nodes: [{ id: n2, name: ${p(10)}, instances: [{ service: other }, { resource: bus }] }] }]\n`,
    'content/decisions/0001-old.md': `---\ntitle: ${p(0)}\nstatus: superseded\ndate: 2024-01-01\n---\n\nPlain prose.\n`,
    'content/decisions/0002-new.md': [
      '---',
      `title: ${p(1)}`,
      'status: accepted',
      'date: 2024-02-01',
      `deciders: [${p(2)}]`,
      'supersedes: [0001-old]',
      'affects: [svc, db, evt]',
      `technology: ${p(3)}`,
      `purpose: ${p(4)}`,
      `alternatives: [{ name: ${p(5)}, pros: [${p(6)}], cons: ${p(7)} }]`,
      `rationale: { team_expertise: ${p(8)}, valueOf: ${p(1)}, constructor: ${p(2)}, toString: ${p(3)}, hasOwnProperty: 1 }`,
      `risks: [{ risk: ${p(9)}, mitigation: ${p(10)} }]`,
      '---',
      '',
      'Plain prose.',
      '',
    ].join('\n'),
    'content/docs/page.md': `---\ntitle: ${p(0)}\ndescription: ${p(1)}\n---\n\nPlain prose that links to [the service](../services/svc.yaml).\n\n![A diagram](./diagram.svg)\n`,
    // An image that would run its script if it were opened as a page: it is drawn from a data: URL, never published.
    'content/docs/diagram.svg': SCRIPTED_SVG,
    // The docs landing page, and a file name that is no URL path as it is.
    'content/docs/index.md': `---\ntitle: ${p(2)}\ndescription: ${p(3)}\n---\n\nSee [the odd one](./Odd%20%22name%22%20%5B1%5D.md).\n`,
    'content/docs/Odd "name" [1].md': `---\ntitle: ${p(4)}\n---\n\nBack to [the docs](/docs/).\n`,
    // Ids, types and keys that name what every JavaScript object inherits.
    'content/teams/constructor.yaml': `name: ${p(5)}\n`,
    'content/resources/__proto__.yaml': `name: ${p(6)}\ntype: constructor\n`,
    'content/resources/tostring.yaml': `name: ${p(7)}\ntype: __proto__\ncategory: cache\n`,
    'content/people/hasownproperty.yaml': `name: ${p(8)}\nuses: [resource:__proto__, tostring, { target: svc, protocol: constructor }]\n`,
    // The deliverables: requirements, risks, roles, flows, stakeholders.
    'content/stakeholders/owners.yaml': `name: ${p(9)}\ndescription: ${p(10)}\nconcerns: [${p(0)}, ${p(1)}]\nrepresents: [constructor]\n`,
    'content/requirements/req.yaml': `title: ${p(2)}\ntype: non-functional\ncategory: performance\ndescription: ${p(3)}\nacceptance: [${p(4)}]\ntarget: { metric: ${p(5)}, value: 1, unit: ${p(6)} }\npriority: must\nstatus: accepted\nsatisfiedBy: [svc, constructor]\nraisedBy: [owners]\n`,
    'content/risks/risk.yaml': `title: ${p(7)}\ndescription: ${p(8)}\nlikelihood: high\nimpact: very-high\nmitigation: ${p(9)}\nowner: constructor\nstatus: open\naffects: [svc, resource:__proto__]\n`,
    'content/roles/role.yaml': `name: ${p(10)}\ndescription: ${p(0)}\npermissions:\n  svc: CRUD\n  resource:__proto__: R\n  tostring: "-"\n`,
    'content/flows/login.yaml': `title: ${p(1)}\ndescription: ${p(2)}\nsteps:\n  - { from: hasownproperty, to: svc, message: ${p(3)} }\n  - { from: svc, to: hasownproperty, message: ${p(4)}, reply: true }\n`,
  };
}
