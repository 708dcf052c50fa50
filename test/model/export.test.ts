import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { exportModel, MODEL_EXPORT_VERSION, modelExportJsonSchema, modelExportSchema } from '../../plugins/model/export.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { keyOf } from '../../plugins/model/model.ts';
import { ROOT } from '../helpers/build.ts';
import { BASE, writeTree } from '../helpers/tree.ts';

const cli = path.resolve(import.meta.dirname, '../../plugins/cli/main.js');
const run = (cwd: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, 'export', ...args], { cwd, encoding: 'utf8', env: { ...process.env, ARCHSITE_CONTENT: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const model = (await loadModel({ contentDir: path.join(ROOT, 'content') })).model!;

describe('the model export', () => {
  const exported = JSON.parse(JSON.stringify(exportModel(model)));

  it('round-trips: every element and every entry of every relation is in the file, as the model holds it', () => {
    expect(exported.version).toBe(MODEL_EXPORT_VERSION);
    expect(exported.elements.map((e: { kind: string; id: string }) => `${e.kind}:${e.id}`)).toEqual(model.elements.map(keyOf));
    for (const [name, map] of Object.entries(model.relations)) {
      const written = exported.relations[name];
      expect(written, name).toBeDefined();
      expect(Object.keys(written), name).toEqual([...(map as ReadonlyMap<string, unknown>).keys()]);
      for (const [key, value] of map as ReadonlyMap<string, unknown>)
        expect(written[key], `${name} ${key}`).toEqual(JSON.parse(JSON.stringify(value)));
    }
    const order = exported.elements.find((e: { id: string }) => e.id === 'order-service');
    expect(order.data.domain).toBe('order-management');
    expect(exported.relations.satisfiedBy['checkout-latency']).toEqual(expect.arrayContaining([{ kind: 'service', id: 'order-service' }]));
  });

  it('is valid against its own published JSON Schema, and against the schema it is made from', () => {
    const schema = modelExportJsonSchema();
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(schema);
    expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...exported, version: 99 })).toBe(false);
    expect(modelExportSchema.parse(exported).elements).toHaveLength(model.elements.length);
  });

  it('keeps ids that name what every object inherits as the plain keys they are', async () => {
    const root = writeTree({
      'content/system.yaml': 'name: S\n',
      'content/domains/d.yaml': 'name: D\ntype: core\n',
      'content/services/__proto__.yaml': 'name: P\nresponsibility: R.\ndomain: d\nevents:\n  publishes: [constructor]\n',
      'content/services/constructor.yaml': 'name: C\nresponsibility: R.\ndomain: d\nevents:\n  consumes: [constructor]\n',
      'content/events/constructor.yaml': 'name: E\n',
    });
    const m = (await loadModel({ contentDir: path.join(root, 'content') })).model!;
    const out = JSON.parse(JSON.stringify(exportModel(m)));
    expect(Object.hasOwn(out.relations.producers, 'constructor')).toBe(true);
    expect(out.relations.producers.constructor).toEqual(['__proto__']);
    expect(out.relations.domainServices.d).toEqual(['__proto__', 'constructor']);
  });
});

describe('npm run export', () => {
  it('prints the same bytes every time, and writes them where --out says', () => {
    const root = writeTree(BASE);
    const first = run(root, '--format', 'json');
    expect(first.code).toBe(0);
    expect(run(root).stdout).toBe(first.stdout);
    const out = run(root, '--format', 'json', '--out', 'export/model.json');
    expect(out.code).toBe(0);
    expect(readFileSync(path.join(root, 'export/model.json'), 'utf8')).toBe(first.stdout);
  });

  it('exports nothing from content with errors (exit 1), never writes into the content, and only writes json', () => {
    const root = writeTree({ ...BASE, 'content/services/billing.yaml': 'name: Billing\nresponsibility: Bills.\ndomain: nowhere\n' });
    const bad = run(root, '--out', 'model.json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/unknown-reference/);
    expect(existsSync(path.join(root, 'model.json'))).toBe(false);
    const inside = run(writeTree(BASE), '--out', 'content/model.json');
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/inside the content folder/);
    expect(run(writeTree(BASE), '--format', 'github').code).toBe(2);
    // A path it cannot write is said in one line, not as a stack trace.
    const folder = run(writeTree({ ...BASE, 'out/keep.txt': 'x' }), '--out', 'out');
    expect(folder).toMatchObject({ code: 2, stderr: 'archsite: --out out is a folder; give the path of a file, such as out/model.json\n' });
  });

  it('never writes through a symbolic link, nor into the content folder reached through one, and says when it replaces a file', () => {
    const root = writeTree(BASE);
    const service = path.join(root, 'content/services/orders.yaml');
    const before = readFileSync(service, 'utf8');
    symlinkSync(service, path.join(root, 'out.json'));
    expect(run(root, '--out', 'out.json')).toMatchObject({
      code: 2,
      stderr: 'archsite: --out out.json is a symbolic link; archsite never writes through one: give a path of its own\n',
    });
    // The content given through a link: the real folder is the content folder all the same.
    symlinkSync(path.join(root, 'content'), path.join(root, 'linked'));
    const inside = run(root, '--content', 'linked', '--out', 'content/model.json');
    expect(inside).toMatchObject({
      code: 2,
      stderr: 'archsite: --out content/model.json is inside the content folder: write the export elsewhere\n',
    });
    const throughLink = run(root, '--content', 'content', '--out', 'linked/services/model.json');
    expect(throughLink.code).toBe(2);
    expect(existsSync(path.join(root, 'content/model.json'))).toBe(false);
    expect(existsSync(path.join(root, 'content/services/model.json'))).toBe(false);
    expect(readFileSync(service, 'utf8')).toBe(before);
    // A file of its own is replaced, and the command says so.
    writeFileSync(path.join(root, 'model.json'), 'old');
    const replaced = run(root, '--out', 'model.json');
    expect(replaced.code).toBe(0);
    expect(replaced.stderr).toMatch(/written to model\.json \(it replaced the file that was there\)\n$/);
    expect(JSON.parse(readFileSync(path.join(root, 'model.json'), 'utf8')).version).toBe(MODEL_EXPORT_VERSION);
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
