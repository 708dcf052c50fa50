import { describe, expect, it } from 'vitest';
import { loadModel } from '../../plugins/model/load.ts';
import type { Model } from '../../plugins/model/model.ts';
import { diffRelations, relationLines } from '../../plugins/model/relation-diff.ts';
import { BASE, writeTree } from '../helpers/tree.ts';

/** A model with one relation of every kind the diff reads. */
const EVERY: Record<string, string> = {
  ...BASE,
  'content/teams/core.yaml': 'name: Core\n',
  'content/people/buyer.yaml': 'name: Buyer\nuses: [{ target: orders, protocol: HTTPS }]\n',
  'content/resources/db.yaml': 'name: DB\ntype: postgresql\n',
  'content/services/orders.yaml':
    'name: Orders\nresponsibility: Takes orders.\ndomain: shop\nowner: core\ndata: { stores: [db] }\nevents:\n  publishes: [order.placed]\n',
  'content/deployments/prod.yaml': 'name: Prod\nnodes:\n  - { id: k8s, name: Cluster, instances: [{ service: orders }] }\n',
  'content/decisions/0001-a.md': '---\ntitle: A\nstatus: accepted\ndate: 2025-01-01\naffects: [orders]\n---\n',
  'content/requirements/fast.yaml': 'title: Fast\ntype: functional\nstory: S\npriority: must\nstatus: accepted\nsatisfiedBy: [orders]\n',
  'content/risks/down.yaml': 'title: Down\nlikelihood: low\nimpact: high\nmitigation: M\nstatus: open\naffects: [orders]\n',
  'content/constraints/eu.yaml': 'title: EU\ntype: regulatory\nsource: GDPR\nbinds: [db]\n',
};

async function model(files: Record<string, string>): Promise<Model> {
  const { model } = await loadModel({ contentDir: 'content', cwd: writeTree(files) });
  return model!;
}

const sentence = (l: { verb: string; from: { kind: string; id: string }; to: { kind: string; id: string }; how?: string | undefined }) =>
  `${l.from.kind}:${l.from.id} ${l.verb} ${l.to.kind}:${l.to.id}${l.how ? ` (${l.how})` : ''}`;

describe('the relations of a model, and what a change adds and removes', () => {
  it('reads every kind of relation, a sentence each', async () => {
    expect(
      relationLines(await model(EVERY))
        .map(sentence)
        .sort(),
    ).toEqual(
      [
        'person:buyer calls service:orders (HTTPS)',
        'service:orders publishes event:order.placed',
        'service:billing consumes event:order.placed',
        'service:orders stores data in resource:db',
        'service:orders is in domain:shop',
        'service:billing is in domain:shop',
        'team:core owns service:orders',
        'deployment:prod runs service:orders (Cluster)',
        'decision:0001-a affects service:orders',
        'requirement:fast is satisfied by service:orders',
        'risk:down threatens service:orders',
        'constraint:eu binds resource:db',
      ].sort(),
    );
  });

  it.each([
    [
      'a dependency added',
      { 'content/services/billing.yaml': `${BASE['content/services/billing.yaml']}dependencies: [orders]\n` },
      ['service:billing calls service:orders'],
      [],
    ],
    [
      'a consumer gone',
      { 'content/services/billing.yaml': 'name: Billing\nresponsibility: Bills orders.\ndomain: shop\n' },
      [],
      ['service:billing consumes event:order.placed'],
    ],
    [
      'a protocol changed',
      { 'content/people/buyer.yaml': 'name: Buyer\nuses: [{ target: orders, protocol: gRPC }]\n' },
      ['person:buyer calls service:orders (gRPC)'],
      ['person:buyer calls service:orders (HTTPS)'],
    ],
    [
      'a deployment node renamed',
      { 'content/deployments/prod.yaml': 'name: Prod\nnodes:\n  - { id: k8s, name: EKS, instances: [{ service: orders }] }\n' },
      ['deployment:prod runs service:orders (EKS)'],
      ['deployment:prod runs service:orders (Cluster)'],
    ],
    [
      'a binding dropped',
      { 'content/constraints/eu.yaml': 'title: EU\ntype: regulatory\nsource: GDPR\n' },
      [],
      ['constraint:eu binds resource:db'],
    ],
    ['nothing', {}, [], []],
  ])('%s', async (_name, change, added, removed) => {
    const diff = diffRelations(await model(EVERY), await model({ ...EVERY, ...change }));
    expect(diff.added.map(sentence)).toEqual(added);
    expect(diff.removed.map(sentence)).toEqual(removed);
  });
});
