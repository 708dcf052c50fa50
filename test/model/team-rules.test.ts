import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../plugins/model/load.ts';
import { formatDiagnostic } from '../../plugins/model/format.ts';
import { ROOT } from '../helpers/build.ts';
import { BASE, writeTree } from '../helpers/tree.ts';

/** Two domains, a service of each calling the other, a store, a deployment, a decision and an event. */
const MODEL: Record<string, string> = {
  ...BASE,
  'content/teams/core.yaml': 'name: Core\n',
  'content/domains/pay.yaml': 'name: Pay\ntype: supporting\nowner: core\n',
  'content/services/billing.yaml':
    'name: Billing\nresponsibility: Bills orders.\ndomain: pay\ntype: worker\nevents:\n  consumes: [order.placed]\ndependencies: [{ target: orders, protocol: REST }]\ndata: { stores: [db] }\n',
  'content/resources/db.yaml': 'name: DB\ntype: postgresql\n',
  'content/deployments/prod.yaml': 'name: Prod\nnodes:\n  - { id: k8s, name: Cluster, instances: [{ service: billing }] }\n',
  'content/decisions/0001-old.md': '---\ntitle: Old\nstatus: accepted\ndate: 2020-01-01\naffects: [billing]\n---\n',
  'content/decisions/0002-new.md': '---\ntitle: New\nstatus: proposed\ndate: 2025-12-01\n---\n',
};

async function check(rules: string, files: Record<string, string> = {}): Promise<string[]> {
  const { diagnostics } = await loadModel({
    contentDir: 'content',
    cwd: writeTree({ ...MODEL, ...files, 'content/archsite.rules.yaml': rules }),
    today: '2026-01-01',
  });
  return diagnostics
    .map(formatDiagnostic)
    .filter((line) =>
      / (team-rule|invalid-rule|invalid-value|unknown-field|invalid-type|missing-field|shared-database|unconsumed-event):? /.test(line),
    );
}

/** `check --watch` on a content tree: wait for a text in what it printed, read it all, stop it. */
function watching(root: string) {
  const child = spawn(process.execPath, [path.join(ROOT, 'plugins/cli/main.js'), 'check', '--watch', '--content', 'content'], {
    cwd: root,
  });
  let printed = '';
  child.stdout.on('data', (d: Buffer) => (printed += d));
  const seen = (text: string) =>
    new Promise<void>((resolve) => {
      const look = () => (printed.includes(text) ? resolve() : setTimeout(look, 50));
      look();
    });
  return { seen, output: () => printed, stop: () => child.kill('SIGINT') };
}

const rule = (body: string, severity = 'warning') => `rules:\n  - id: r\n    description: The rule.\n    severity: ${severity}\n${body}`;

describe("the team's rules (archsite.rules.yaml)", () => {
  it.each([
    [
      'forbid calls, by domain',
      '    forbid: { from: { domain: pay }, relation: calls, to: { domain: shop } }\n',
      ["content/services/billing.yaml:7:26 warning team-rule: rule 'r': service 'billing' calls service 'orders' (REST): The rule."],
    ],
    ['forbid calls, by domain type: none', '    forbid: { from: { domainType: core }, relation: calls }\n', []],
    [
      'forbid consumes, by id pattern',
      '    forbid: { from: { id: "bill*" }, relation: consumes }\n',
      ["content/services/billing.yaml:6:14 warning team-rule: rule 'r': service 'billing' consumes event 'order.placed': The rule."],
    ],
    [
      'forbid stores, by service type',
      '    forbid: { from: { type: worker }, relation: stores, to: { type: postgresql } }\n',
      ["content/services/billing.yaml:8:18 warning team-rule: rule 'r': service 'billing' stores data in resource 'db': The rule."],
    ],
    [
      'forbid runs, by owner',
      '    forbid: { relation: runs, to: { owner: core } }\n',
      ["content/deployments/prod.yaml:1:1 warning team-rule: rule 'r': deployment 'prod' runs service 'billing' (Cluster): The rule."],
    ],
    [
      'forbid affects, by status',
      '    forbid: { from: { kind: decision, status: accepted }, relation: affects }\n',
      ["content/decisions/0001-old.md:2:1 warning team-rule: rule 'r': decision '0001-old' affects service 'billing': The rule."],
    ],
    [
      'require a field',
      '    require: { where: { kind: service }, has: dependencies }\n',
      ["content/services/orders.yaml:1:1 warning team-rule: rule 'r': service 'orders' has no dependencies: The rule."],
    ],
    [
      'require a value, in a list',
      '    require: { where: { kind: service, domain: pay }, has: dependencies.protocol, equals: gRPC }\n',
      ["content/services/billing.yaml:1:1 warning team-rule: rule 'r': service 'billing' has no dependencies.protocol of gRPC: The rule."],
    ],
    [
      'require of decisions older than a year',
      '    require: { where: { kind: decision, olderThan: 1y }, has: review }\n',
      ["content/decisions/0001-old.md:2:1 warning team-rule: rule 'r': decision '0001-old' has no review: The rule."],
    ],
  ])('%s', async (_name, body, expected) => {
    expect(await check(rule(body))).toEqual(expected);
  });

  it('weighs a breach as the rule says', async () => {
    expect(await check(rule('    require: { where: { kind: team }, has: contact }\n', 'error'))).toEqual([
      "content/teams/core.yaml:1:1 error team-rule: rule 'r': team 'core' has no contact: The rule.",
    ]);
  });

  it('sets the severity of archsite’s own checks, but keeps an error an error', async () => {
    const shared = { 'content/services/orders.yaml': `${BASE['content/services/orders.yaml']}data: { stores: [db] }\n` };
    expect(await check('severities:\n  shared-database: error\n', shared)).toEqual([
      "content/services/billing.yaml:8:18 error shared-database: database 'db' is also used by service 'orders'; mark it 'shared: true' if that is deliberate",
      "content/services/orders.yaml:6:18 error shared-database: database 'db' is also used by service 'billing'; mark it 'shared: true' if that is deliberate",
    ]);
    expect(await check('severities:\n  shared-database: off\n', shared)).toEqual([]);
    expect(await check('severities:\n  shared-databse: off\n  unknown-reference: warning\n')).toEqual([
      "content/archsite.rules.yaml:2:3 error invalid-rule: 'shared-databse' is no check of archsite's (did you mean 'shared-database'?)",
      "content/archsite.rules.yaml:3:3 error invalid-rule: 'unknown-reference' is an error, and stays one: the model cannot be trusted without it",
    ]);
  });

  it('says what is wrong with a rule, where it is written', async () => {
    const lines = await check(
      'rules:\n  - id: a\n    description: A.\n    forbid: { relation: calls }\n    require: { where: {}, has: x }\n  - id: b\n    description: B.\n    forbid: { relation: phones }\n  - id: c\n    descripton: C.\n',
    );
    expect(lines).toEqual([
      "content/archsite.rules.yaml:2:5 error invalid-value: 'rules[0]': a rule has exactly one of forbid or require",
      expect.stringMatching(/^content\/archsite\.rules\.yaml:8:25 error invalid-value: .*phones.*calls/),
      // The missing description is the misspelt one: said once.
      "content/archsite.rules.yaml:10:5 error unknown-field: unknown field 'rules[2].descripton' (did you mean 'description'?)",
    ]);
  });

  it('is read again by check --watch when it changes', async () => {
    const root = writeTree({ ...MODEL, 'content/archsite.rules.yaml': 'rules: []\n' });
    const { seen, output, stop } = watching(root);
    try {
      await seen('watching for changes');
      expect(output()).not.toContain('team-rule');
      writeFileSync(path.join(root, 'content/archsite.rules.yaml'), rule('    require: { where: { kind: team }, has: contact }\n'));
      await seen("rule 'r': team 'core' has no contact");
    } finally {
      stop();
    }
  }, 30_000);

  describe('rules that need code (archsite.rules.ts)', () => {
    const CODE = `import type { CodeRule } from '../plugins/model/rules/code-rules.ts';

export default [
  {
    id: 'workers-are-deployed-twice',
    description: 'Every worker runs as two instances or more.',
    severity: 'error',
    check({ model, report }) {
      for (const service of model.byKind.service.values()) {
        if (service.data.type !== 'worker') continue;
        const count = (model.relations.placements.get('service:' + service.id) ?? []).length;
        if (count < 2) report(service, \`service '\${service.id}' runs \${count} time(s)\`, ['type']);
      }
    },
  },
] satisfies CodeRule[];
`;
    const run = async (code: string, yaml = 'rules: []\n') => {
      const { diagnostics } = await loadModel({
        contentDir: 'content',
        cwd: writeTree({ ...MODEL, 'content/archsite.rules.yaml': yaml, 'content/archsite.rules.ts': code }),
      });
      return diagnostics.map(formatDiagnostic).filter((line) => / (team-rule|invalid-rule|ignored-file):? /.test(line));
    };

    it('reports each breach as a team rule, at the field the rule names, with its severity', async () => {
      expect(await run(CODE)).toEqual([
        "content/services/billing.yaml:4:7 error team-rule: rule 'workers-are-deployed-twice': service 'billing' runs 1 time(s): Every worker runs as two instances or more.",
      ]);
    });

    it.each([
      [
        'a file that does not load',
        'export default [ {',
        /^content\/archsite\.rules\.ts:1:1 error invalid-rule: archsite\.rules\.ts does not load: /,
      ],
      ['no list of rules', 'export default { id: "x" };', /must export a list of rules as its default export/],
      [
        'a rule without a check',
        'export default [{ id: "x", description: "X." }];',
        /^.*rule 1 of archsite\.rules\.ts: rule 'x' needs a check function$/,
      ],
      [
        'an id the YAML rules have',
        'export default [{ id: "r", description: "X.", check() {} }];',
        /rule 1 of archsite\.rules\.ts: the id 'r' is already a rule's$/,
      ],
      [
        'a rule that throws',
        'export default [{ id: "x", description: "X.", check() { throw new Error("no model"); } }];',
        /error invalid-rule: rule 'x' failed: no model$/,
      ],
      [
        'a report at a kind that is no kind',
        'export default [{ id: "x", description: "X.", check({ report }) { report({ kind: "__proto__", id: "constructor" }, "m"); } }];',
        /rule 'x' reported at an element that is not in the model: \{"kind":"__proto__","id":"constructor"\}$/,
      ],
      [
        'a report at nothing',
        'export default [{ id: "x", description: "X.", check({ report }) { report({ kind: "service", id: "ghost" }, "m"); } }];',
        /rule 'x' reported at an element that is not in the model: \{"kind":"service","id":"ghost"\}$/,
      ],
    ])('%s: one invalid-rule error, no stack trace', async (_name, code, expected) => {
      const yaml = 'rules:\n  - id: r\n    description: R.\n    require: { where: { kind: team }, has: name }\n';
      const lines = await run(code, yaml);
      expect(lines).toEqual([expect.stringMatching(expected)]);
      expect(lines[0]).not.toMatch(/\n|    at /);
    });

    it('is run again by check --watch when it changes, and never for a base revision', async () => {
      const root = writeTree({ ...MODEL, 'content/archsite.rules.ts': 'export default [];\n' });
      const { seen, output, stop } = watching(root);
      try {
        await seen('watching for changes');
        expect(output()).not.toContain('team-rule');
        writeFileSync(path.join(root, 'content/archsite.rules.ts'), CODE);
        await seen("rule 'workers-are-deployed-twice': service 'billing' runs 1 time(s)");
      } finally {
        stop();
      }
      const { diagnostics } = await loadModel({ contentDir: 'content', cwd: root, codeRules: false });
      expect(diagnostics.map(formatDiagnostic).filter((line) => /team-rule|ignored-file/.test(line))).toEqual([]);
    }, 30_000);
  });
});
