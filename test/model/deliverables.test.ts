import { describe, expect, it } from 'vitest';
import { loadModel } from '../../plugins/model/load.ts';
import { formatDiagnostic } from '../../plugins/model/format.ts';
import { fallsShort, parseMeasure } from '../../plugins/model/measures.ts';
import { BASE, checkTree, writeTree } from '../helpers/tree.ts';

/**
 * The architect's other deliverables as checked data: requirements, risks, roles, flows and
 * stakeholders. One row per check: a small addition to the base model, and the exact lines
 * `check` prints for it.
 */
const ORDERS_NFR =
  'name: Orders\nresponsibility: Takes orders.\ndomain: shop\nevents:\n  publishes: [order.placed]\nnfr:\n  latency_p99: 300ms\n  availability: 99.5%\n';

const cases: { name: string; files: Record<string, string>; expected: string[] }[] = [
  {
    name: 'a clean requirement, risk, role, flow and stakeholder',
    files: {
      'content/stakeholders/owners.yaml': 'name: Owners\nconcerns: [Cost]\n',
      'content/requirements/fast.yaml':
        'title: Fast\ntype: non-functional\ncategory: performance\ntarget: { metric: latency_p99, value: 400, unit: ms }\npriority: must\nstatus: accepted\nsatisfiedBy: [orders]\nraisedBy: [owners]\n',
      'content/risks/outage.yaml': 'title: Outage\nlikelihood: low\nimpact: high\nmitigation: Retry.\nstatus: open\naffects: [orders]\n',
      'content/roles/admin.yaml': 'name: Admin\npermissions:\n  orders: CRUD\n  billing: r\n',
      'content/flows/pay.yaml': 'title: Pay\nsteps:\n  - { from: orders, to: billing, message: Bill it }\n',
    },
    expected: [],
  },
  {
    name: 'a requirement that nothing satisfies',
    files: { 'content/requirements/lonely.yaml': 'title: Lonely\ntype: functional\npriority: should\nstatus: proposed\n' },
    expected: [
      "content/requirements/lonely.yaml:1:1 warning unsatisfied-requirement: requirement 'lonely' is satisfied by nothing: name what meets it in satisfiedBy",
    ],
  },
  {
    name: 'a rejected requirement needs nothing to satisfy it',
    files: { 'content/requirements/no.yaml': 'title: No\ntype: functional\npriority: wont\nstatus: rejected\n' },
    expected: [],
  },
  {
    name: 'a service whose own NFR falls short of the target it is said to meet',
    files: {
      'content/services/orders.yaml': ORDERS_NFR,
      'content/requirements/fast.yaml':
        'title: Fast\ntype: non-functional\ncategory: performance\ntarget: { metric: latency_p99, value: 0.2, unit: s }\npriority: must\nstatus: accepted\nsatisfiedBy: [billing, orders]\n',
      'content/requirements/up.yaml':
        'title: Up\ntype: non-functional\ncategory: availability\ntarget: { metric: availability, value: 99.9, unit: "%" }\npriority: must\nstatus: accepted\nsatisfiedBy:\n  - service:orders\n',
    },
    expected: [
      "content/requirements/fast.yaml:7:24 warning nfr-contradiction: requirement 'fast' asks latency_p99 of at most 0.2 s, but service 'orders' declares latency_p99: 300ms",
      "content/requirements/up.yaml:8:5 warning nfr-contradiction: requirement 'up' asks availability of at least 99.9%, but service 'orders' declares availability: 99.5%",
    ],
  },
  {
    name: 'a non-functional requirement without a category or a target',
    files: {
      'content/requirements/vague.yaml': 'title: Vague\ntype: non-functional\npriority: must\nstatus: proposed\nsatisfiedBy: [orders]\n',
    },
    expected: [
      "content/requirements/vague.yaml:1:1 error missing-field: missing field 'category': a non-functional requirement needs a category (performance, availability …)",
      "content/requirements/vague.yaml:1:1 error missing-field: missing field 'target': a non-functional requirement needs a measurable target: { metric, value, unit }",
    ],
  },
  {
    name: 'references checked: satisfiers, stakeholders, risk owners, permission targets, flow participants',
    files: {
      'content/requirements/r.yaml':
        'title: R\ntype: functional\npriority: must\nstatus: accepted\nsatisfiedBy: [ordrs]\nraisedBy: [nobody]\n',
      'content/risks/k.yaml': 'title: K\nlikelihood: medium\nimpact: low\nmitigation: M.\nstatus: open\nowner: orders\n',
      'content/roles/guest.yaml': 'name: Guest\npermissions:\n  biling: R\n',
      'content/flows/f.yaml': 'title: F\nsteps:\n  - { from: orders, to: order.placed, message: Hi }\n',
    },
    expected: [
      "content/flows/f.yaml:3:25 error unknown-reference: receiver 'order.placed' is not a person, external system, service or resource",
      "content/requirements/r.yaml:5:15 error unknown-reference: satisfying element 'ordrs' does not name any element (did you mean 'orders'?)",
      "content/requirements/r.yaml:6:12 error unknown-reference: stakeholder 'nobody' is not a stakeholder, person or team",
      "content/risks/k.yaml:6:8 error unknown-reference: risk owner 'orders' is not a team or person",
      "content/roles/guest.yaml:3:11 error unknown-reference: permission target 'biling' does not name any element (did you mean 'billing'?)",
    ],
  },
  {
    name: 'values out of their scales: a risk level, CRUD letters',
    files: {
      'content/risks/k.yaml': 'title: K\nlikelihood: often\nimpact: high\nmitigation: M.\nstatus: open\n',
      'content/roles/admin.yaml': 'name: Admin\npermissions:\n  orders: CRUDX\n  billing: RR\n',
    },
    expected: [
      "content/risks/k.yaml:2:13 error invalid-value: field 'likelihood' is 'often'; expected one of very-low, low, medium, high, very-high",
      "content/roles/admin.yaml:3:11 error invalid-value: field 'permissions.orders' is 'CRUDX': expected CRUD letters (C, R, U, D, each at most once) or - for none",
      "content/roles/admin.yaml:4:12 error invalid-value: field 'permissions.billing' is 'RR': expected CRUD letters (C, R, U, D, each at most once) or - for none",
    ],
  },
];

describe('deliverables as checked data', () => {
  for (const c of cases) it(c.name, async () => expect(await checkTree(c.files)).toEqual(c.expected));

  it('check --min-completeness: one positioned error per service below it, naming what is missing', async () => {
    const root = writeTree({ ...BASE, 'content/services/orders.yaml': ORDERS_NFR });
    const lines = (await loadModel({ contentDir: 'content', cwd: root, minCompleteness: 30 })).diagnostics.map(formatDiagnostic);
    expect(lines).toEqual([
      "content/services/billing.yaml:1:1 error incomplete-service: service 'billing' fills 3 of 12 template sections (25%, below 30%); missing: Owner, Data ownership, APIs, Dependencies, Non-functional requirements, Technology stack, Deployment, Security, Monitoring",
    ]);
    expect((await loadModel({ contentDir: 'content', cwd: root, minCompleteness: 25 })).diagnostics).toEqual([]);
  });
});

describe('measures', () => {
  it.each([
    ['latency_p99', { value: 200, unit: 'ms' }, '250ms', true],
    ['latency_p99', { value: 0.3, unit: 's' }, '250 ms', false],
    ['availability', { value: 99.95, unit: '%' }, '99.9%', true],
    ['availability', { value: 99.9, unit: '%' }, '99.99 %', false],
    ['throughput', { value: 500, unit: 'rps' }, '100 rps', true],
    ['rpo', { value: 5, unit: 'min' }, '15 minutes', true],
    ['latency_p99', { value: 200, unit: 'ms' }, 'fast enough', undefined],
    ['colour', { value: 1, unit: 'ms' }, '2ms', undefined],
    ['availability', { value: 99, unit: '%' }, '10 ms', undefined],
  ] as const)('%s: target %o, declared %s → falls short: %s', (metric, target, declared, expected) => {
    expect(fallsShort(metric, target, declared)).toBe(expected);
  });

  it('reads measures as written, and leaves prose alone', () => {
    expect(parseMeasure('200ms')).toEqual({ value: 200, unit: 'ms' });
    expect(parseMeasure('99,95 %')).toEqual({ value: 99.95, unit: '%' });
    expect(parseMeasure('Email sent within 60 s')).toBeUndefined();
  });
});
