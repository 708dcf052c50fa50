import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../plugins/model/format.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { CLI } from '../helpers/cli.ts';
import { writeTree } from '../helpers/tree.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const ROOT = path.resolve(import.meta.dirname, '../..');

/** `archsite import …` in `cwd`, as `npm run import` runs it. */
const runImport = (cwd: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, 'import', ...args], { cwd, encoding: 'utf8', env: { ...process.env, ARCHSITE_CONTENT: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** A folder with one real public example copied under `sources/`, as a user would have it. */
function withSource(fixture: string): string {
  const root = writeTree({});
  cpSync(path.join(FIXTURES, fixture), path.join(root, 'sources', fixture), { recursive: true });
  return root;
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

/** The real examples, what each is read as, and the files its import writes (compared with test/fixtures/import/expected/). */
const EXAMPLES = [
  { name: 'sock-shop', source: 'compose', from: 'sources/sock-shop/docker-compose.yml', services: 10, resources: 5, warnings: 0 },
  { name: 'online-boutique', source: 'k8s', from: 'sources/online-boutique/kubernetes-manifests', services: 11, resources: 1, warnings: 0 },
  {
    name: 'streetlights',
    source: 'asyncapi',
    from: 'sources/streetlights/streetlights-kafka-asyncapi.yml',
    services: 1,
    resources: 1,
    warnings: 4,
  },
  { name: 'eshop-catalog', source: 'openapi', from: 'sources/eshop-catalog/Catalog.API_v2.json', services: 1, resources: 0, warnings: 0 },
] as const;

describe('npm run import', () => {
  for (const example of EXAMPLES)
    it(`imports ${example.name} (${example.source}) into files that check without an error, as expected`, async () => {
      const root = withSource(example.name);
      const run = runImport(root, example.source, example.from);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`0 errors, ${example.warnings} warning`);
      const result = await loadModel({ contentDir: 'content', cwd: root });
      expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
      expect(result.diagnostics.filter((d) => d.severity === 'warning')).toHaveLength(example.warnings);
      expect(result.model!.byKind.service.size).toBe(example.services);
      expect(result.model!.byKind.resource.size).toBe(example.resources);
      // Every file written is listed, and is the expected one.
      const written = filesUnder(path.join(root, 'content'));
      for (const file of written) expect(run.stdout).toContain(`wrote   content/${file}`);
      for (const file of written)
        await expect(readFileSync(path.join(root, 'content', file), 'utf8')).toMatchFileSnapshot(
          path.join(FIXTURES, 'expected', example.name, file),
        );
    });

  it('reads the calls a compose file’s and the manifests’ settings show, the databases by image, and the ways in', async () => {
    const boutique = withSource('online-boutique');
    runImport(boutique, 'k8s', 'sources/online-boutique/kubernetes-manifests');
    const { model } = await loadModel({ contentDir: 'content', cwd: boutique });
    const calls = (id: string) => (model!.relations.calls.get(`service:${id}`) ?? []).map((c) => `${c.to.id} ${c.protocol ?? ''}`.trim());
    expect(calls('checkoutservice')).toEqual([
      'cartservice gRPC',
      'currencyservice gRPC',
      'emailservice gRPC',
      'paymentservice gRPC',
      'productcatalogservice gRPC',
      'shippingservice gRPC',
    ]);
    expect(calls('cartservice')).toEqual(['redis-cart']);
    expect(model!.relations.categories.get('redis-cart')).toBe('cache');
    expect(model!.byKind.service.get('frontend')!.data.type).toBe('web-app');
    const cluster = model!.byKind.deployment.values().next().value!.data.nodes![0]!;
    expect(cluster.nodes!.map((n) => [n.id, n.fronts ?? []])).toEqual([
      ['loadbalancer-frontend-external', ['frontend']],
      ['namespace-default', []],
    ]);
    // The frontend names a service this environment does not run: left to the user, not a dangling reference.
    expect(readFileSync(path.join(boutique, 'content/services/frontend.yaml'), 'utf8')).toContain(
      'SHOPPING_ASSISTANT_SERVICE_ADDR names shoppingassistantservice, which this environment does not run',
    );

    const sock = withSource('sock-shop');
    runImport(sock, 'compose', 'sources/sock-shop/docker-compose.yml');
    const shop = (await loadModel({ contentDir: 'content', cwd: sock })).model!;
    expect(shop.byKind.service.get('user')!.data.data?.stores).toEqual(['user-db']);
    expect(shop.byKind.service.get('carts')!.data.data?.stores).toEqual(['carts-db']);
    expect(shop.byKind.resource.get('carts-db')!.data).toMatchObject({ type: 'mongodb', technology: 'MongoDB 3.4' });
    expect(shop.byKind.resource.get('catalogue-db')!.data.type).toBe('mysql');
    expect(shop.byKind.resource.get('rabbitmq')!.data.type).toBe('rabbitmq');
  });

  it('never writes over a file: a file in the way is kept, and a second import keeps every file as it is', () => {
    const root = withSource('sock-shop');
    expect(runImport(root, 'compose', 'sources/sock-shop/docker-compose.yml', '--content', 'content').code).toBe(0);
    // The user empties carts to start it again: not an element any more, and still the user's file.
    const mine = path.join(root, 'content/services/carts.yaml');
    writeFileSync(mine, '# carts: to do\n');
    const again = runImport(root, 'compose', 'sources/sock-shop/docker-compose.yml');
    expect(again.stdout).toMatch(/kept {4}content\/services\/carts\.yaml: it exists, and archsite never writes over a file/);
    expect(readFileSync(mine, 'utf8')).toBe('# carts: to do\n');
    expect(again.stdout).toContain("note    front-end is service 'front-end' already: not drafted");
    expect(again.stdout).toContain("note    deployment 'sock-shop' exists already: not drafted");
    const before = filesUnder(path.join(root, 'content')).map((f) => readFileSync(path.join(root, 'content', f), 'utf8'));
    runImport(root, 'compose', 'sources/sock-shop/docker-compose.yml');
    expect(filesUnder(path.join(root, 'content')).map((f) => readFileSync(path.join(root, 'content', f), 'utf8'))).toEqual(before);
  });

  it('imports into an existing architecture: what it has already is pointed at, not drafted again', async () => {
    const root = withSource('online-boutique');
    cpSync(path.join(ROOT, 'content'), path.join(root, 'content'), { recursive: true });
    const run = runImport(root, 'k8s', 'sources/online-boutique/kubernetes-manifests');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("note    paymentservice is service 'payment-service' already: not drafted");
    expect(existsSync(path.join(root, 'content/services/paymentservice.yaml'))).toBe(false);
    const result = await loadModel({ contentDir: 'content', cwd: root });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect(result.model!.relations.placements.get('service:payment-service')!.map((p) => p.deployment)).toContain('kubernetes-manifests');
  });

  it('takes hostile names (__proto__, constructor, newlines, names with no id in them) as names, and says what it skipped', async () => {
    const root = writeTree({
      'compose.yml': [
        'services:',
        '  __proto__: { image: "postgres:15" }',
        '  constructor:',
        '    image: "evil\\nname"',
        '    depends_on: [__proto__, nowhere]',
        '  "My Service!": { image: nginx, environment: ["X=constructor:80"] }',
        '  "___": { image: redis }',
        '',
      ].join('\n'),
    });
    const run = runImport(root, 'compose', 'compose.yml');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("note    compose.yml:5:17 constructor depends_on names 'nowhere', which the file does not define");
    const { model, diagnostics } = await loadModel({ contentDir: 'content', cwd: root });
    expect(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect([...model!.byKind.resource.keys()].sort()).toEqual(['proto', 'resource']);
    expect(model!.byKind.resource.get('resource')!.data.name).toBe('___');
    expect(model!.byKind.service.get('constructor')!.data.deployment?.image).toBe('evil\nname');
    expect(model!.byKind.service.get('constructor')!.data.data?.stores).toEqual(['proto']);
    expect(model!.relations.calls.get('service:my-service')!.map((c) => c.to.id)).toEqual(['constructor']);
    expect(({} as Record<string, unknown>).image).toBeUndefined();
  });

  it('refuses what it cannot read, with a position and nothing written', () => {
    const root = writeTree({
      'broken.yml': 'services:\n  web: [unclosed\n',
      'notes.txt': 'hello\n',
      'api.yaml': 'title: not an api\n',
      'binary.yml': new Uint8Array([0, 1, 2, 115, 101]),
      'empty/nothing.yaml': '',
    });
    expect(runImport(root, 'compose', 'binary.yml')).toMatchObject({ code: 2, stderr: 'archsite: binary.yml is not a text file\n' });
    expect(runImport(root, 'k8s', 'empty')).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('empty/nothing.yaml:1:1 error no Deployment, StatefulSet, DaemonSet, Job or Pod in these manifests'),
    });
    const broken = runImport(root, 'compose', 'broken.yml');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^broken\.yml:\d+:\d+ error not a YAML file/m);
    expect(existsSync(path.join(root, 'content'))).toBe(false);
    expect(runImport(root, 'openapi', 'api.yaml')).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('api.yaml:1:1 error not an OpenAPI or Swagger description'),
    });
    expect(runImport(root, 'asyncapi', 'notes.txt')).toMatchObject({ code: 1 });
    expect(runImport(root, 'compose', 'missing.yml')).toMatchObject({ code: 2, stderr: 'archsite: missing.yml does not exist\n' });
    expect(runImport(root, 'asyncapi', 'missing.yml')).toMatchObject({ code: 2, stderr: 'archsite: missing.yml does not exist\n' });
    expect(runImport(root, 'openapi', 'missing.json')).toMatchObject({ code: 2, stderr: 'archsite: missing.json does not exist\n' });
    expect(runImport(root, 'swagger', 'api.yaml')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown import source 'swagger'"),
    });
    expect(existsSync(path.join(root, 'content'))).toBe(false);
  });
});
