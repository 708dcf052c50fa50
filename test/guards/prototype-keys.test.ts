import { describe, expect, it } from 'vitest';
import { starlightOptions } from '../../plugins/astro/starlight-options.ts';
import { hasIndexTable, indexTable } from '../../plugins/pages/index-tables.ts';
import { OVERVIEW_PAGES } from '../../plugins/pages/overviews.ts';
import { FIXED_ROUTES } from '../../plugins/model/routes.ts';
import { fieldLabel, labelled } from '../../plugins/pages/labels.ts';
import { searchFacets } from '../../plugins/pages/page-meta.ts';
import { servicePage } from '../../plugins/pages/service-page.ts';
import { sectionOf } from '../../plugins/pages/view.ts';
import { schemaRows } from '../../plugins/pages/schema-rows.ts';
import { viewOptions } from '../../plugins/diagrams/options.ts';
import { siteViews } from '../../plugins/diagrams/views.ts';
import { KIND_NAMES, KINDS } from '../../plugins/model/kinds.ts';
import { loadModel } from '../../plugins/model/load.ts';
import type { Element } from '../../plugins/model/model.ts';
import { everyPage } from '../helpers/pages.ts';
import { siteOf } from '../helpers/site.ts';
import { writeTree } from '../helpers/tree.ts';

/**
 * The guard against content keys indexing plain objects. Every id, type, mapping key and
 * schema property below names something every JavaScript object inherits. The model, every
 * diagram view, every index table, facet and label must treat them as the plain names they
 * are: a lookup in a plain object would find `Object.prototype`'s member instead, and crash
 * or show it. A new lookup of that kind anywhere on these paths fails here.
 */
const NAMES = ['constructor', '__proto__', 'valueof', 'tostring', 'hasownproperty', 'isprototypeof', '__definegetter__'];
const KEYS = ['constructor', 'valueOf', 'toString', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'propertyIsEnumerable'];
const GRAPHQL_KEYS = KEYS.filter((k) => !k.startsWith('__'));

function prototypeSite(): Record<string, string> {
  const files: Record<string, string> = {
    'content/system.yaml': 'name: constructor\nowner: constructor\n',
    'content/teams/constructor.yaml': 'name: toString\n',
    'content/people/__proto__.yaml': `name: valueOf\nuses: [{ target: service:constructor, protocol: __proto__ }]\n`,
    'content/systems/tostring.yaml': 'name: hasOwnProperty\nuses: [service:constructor]\n',
  };
  for (const [i, name] of NAMES.entries()) {
    const key = KEYS[i]!;
    files[`content/domains/${name}.yaml`] = `name: ${key}\ntype: core\nowner: constructor\n`;
    files[`content/resources/${name}.yaml`] = `name: ${key}\ntype: ${key}\n${i === 0 ? 'shared: true\n' : ''}`;
    files[`content/events/${name}.yaml`] = [
      `name: ${key}`,
      `channel: ${key}`,
      `broker: resource:${NAMES[(i + 1) % NAMES.length]}`,
      `schema: { type: object, properties: { ${KEYS.map((k) => `${k}: { $ref: "#/${k}" }`).join(', ')} }, required: [${key}] }`,
      `example: { ${KEYS.map((k) => `${k}: ${k}`).join(', ')} }`,
      '',
    ].join('\n');
    files[`content/services/${name}.yaml`] = [
      `name: ${key}`,
      `type: ${i % 2 ? 'worker' : 'service'}`,
      `responsibility: ${key}`,
      `domain: ${name}`,
      'owner: constructor',
      `data: { entities: [${key}Entity], stores: [resource:${name}], relations: [{ from: ${key}Entity, to: ${key}Entity, cardinality: "1:N", label: ${key} }] }`,
      `apis: { rest: [{ method: GET, path: /${key} }], grpc: [${key}] }`,
      `events: { publishes: [event:${name}], consumes: [event:${NAMES[(i + 1) % NAMES.length]}] }`,
      `dependencies: [{ target: service:${NAMES[(i + 2) % NAMES.length]}, protocol: ${key} }, system:tostring]`,
      `nfr: { availability: ${key} }`,
      `stack: { language: ${key}, framework: ${key} }`,
      `components: [{ id: ${name}, name: ${key}, layer: ${key}, uses: [resource:${name}] }]`,
      '',
    ].join('\n');
    files[`content/decisions/000${i}-${name}.md`] = [
      '---',
      `title: ${key}`,
      'status: accepted',
      'date: 2024-01-01',
      `affects: [service:${name}]`,
      `rationale: { ${KEYS.map((k) => `${k}: ${k}`).join(', ')} }`,
      '---',
      '',
    ].join('\n');
  }
  // API description files whose paths, media types, properties, messages, enum values and fields are those names.
  files['content/services/hasownproperty.api.yaml'] = [
    'openapi: 3.0.3',
    'info: { title: constructor, version: __proto__ }',
    'paths:',
    ...KEYS.map(
      (k) =>
        `  /${k}: { get: { operationId: ${k}, responses: { "200": { description: ${k}, content: { ${k}/json: { schema: { type: object, properties: { ${KEYS.map((p) => `${p}: { type: string, example: ${p} }`).join(', ')} } } } } } } } }`,
    ),
    '',
  ].join('\n');
  files['content/services/constructor.proto'] = [
    'syntax = "proto3";',
    `service constructor { ${KEYS.map((k) => `rpc ${k} (valueOf) returns (valueOf);`).join(' ')} }`,
    `message valueOf { ${KEYS.map((k, i) => `string ${k} = ${i + 1};`).join(' ')} }`,
    `enum toString { ${KEYS.map((k, i) => `${k} = ${i};`).join(' ')} }`,
    '',
  ].join('\n');
  // GraphQL reserves names that begin with `__` (and says so, as an error at the name).
  files['content/services/constructor.graphql'] = [
    `type Query { ${GRAPHQL_KEYS.map((k) => `${k}(${k}: String): valueOf`).join(' ')} }`,
    `type valueOf { ${GRAPHQL_KEYS.map((k) => `${k}: String`).join(' ')} }`,
    '',
  ].join('\n');
  files['content/services/hasownproperty.yaml'] = files['content/services/hasownproperty.yaml']!.replace(
    /apis: .*\n/,
    'apis: { openapi: ./hasownproperty.api.yaml, proto: ./constructor.proto, graphql: ./constructor.graphql }\n',
  );
  files['content/deployments/constructor.yaml'] = [
    'name: valueOf',
    'nodes:',
    ...NAMES.map(
      (name) => `  - { id: ${name}, name: ${name}, technology: __proto__, instances: [{ service: ${name} }, { resource: ${name} }] }`,
    ),
    '',
  ].join('\n');
  // Every other kind, from its scaffold (as `npm run new` writes it), pointing at the elements above:
  // a new kind is covered here without a change.
  for (const { kind, folder, scaffold } of KINDS) {
    const text = scaffold.text({
      name: 'toString',
      domain: 'domain:constructor',
      team: 'team:constructor',
      // A page links the service by its file; elsewhere the kind is named, since 'constructor' is an id of many kinds.
      service: kind === 'doc' ? 'constructor' : 'service:constructor',
      today: '2024-01-01',
    });
    // Its id `constructor` where the kind has none by that id yet (a new kind), else another name.
    const taken = Object.keys(files).some((file) => file.startsWith(`content/${folder}/constructor.`));
    files[`content/${folder}/${taken ? 'propertyisenumerable' : 'constructor'}.${scaffold.extension}`] = text;
    if (kind === 'role')
      files[`content/${folder}/__proto__.yaml`] =
        'name: valueOf\npermissions: { service:constructor: CRUD, resource:valueof: R, event:tostring: "-" }\n';
  }
  return files;
}

describe('content keys that name what every object inherits', async () => {
  const root = writeTree(prototypeSite());
  const loaded = await loadModel({ contentDir: 'content', cwd: root });
  const { model, diagnostics } = loaded;
  const site = siteOf({ ...loaded, model: model! });

  it('are read as the names they are, with no error', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const kind of KIND_NAMES) expect(model!.byKind[kind].size, kind).toBeGreaterThan(0);
    expect(model!.byKind.service.get('constructor')!.data.name).toBe('constructor');
    expect(model!.byKind.service.get('__proto__')!.data.name).toBe('valueOf');
    expect(model!.relations.categories.get('constructor')).toBe('other');
    expect([...model!.relations.producers.keys()].sort()).toEqual([...NAMES].sort());
  });

  it('draw every view', () => {
    const views = siteViews(model!, viewOptions());
    expect(views.length).toBeGreaterThan(NAMES.length * 4);
    for (const view of views) expect(view.text, `${view.name} ${view.of ?? ''}`).not.toMatch(/function|\[object /);
  });

  it('fill every page, index table, facet, label, schema table and the sidebar', () => {
    expect(FIXED_ROUTES.filter((route) => !OVERVIEW_PAGES.has(route))).toEqual([]);
    const pages = everyPage(site);
    expect(pages.length).toBe(OVERVIEW_PAGES.size + KIND_NAMES.filter(hasIndexTable).length + model!.elements.length);
    for (const page of pages) expect(page).toBeDefined();
    for (const kind of KIND_NAMES.filter(hasIndexTable)) expect(() => indexTable(site, kind)).not.toThrow();
    for (const el of model!.elements as Element[])
      for (const facet of searchFacets(site, el)) expect(typeof facet.value, `${el.kind} ${el.id} ${facet.name}`).toBe('string');
    expect(KEYS.map(fieldLabel)).toEqual([
      'Constructor',
      'ValueOf',
      'ToString',
      'HasOwnProperty',
      'IsPrototypeOf',
      'DefineGetter',
      'PropertyIsEnumerable',
    ]);
    const rationale = model!.byKind.decision.get('0000-constructor')!.data.rationale as object;
    expect(labelled(rationale).map(([, value]) => value)).toEqual(KEYS);
    const rows = schemaRows(model!.byKind.event.get('constructor')!.data.schema);
    expect(rows.map((r) => r.name)).toEqual(KEYS);
    expect(rows.find((r) => r.name === 'constructor')!.required).toBe(true);
    const apis = sectionOf(servicePage(site, 'hasownproperty').sections, 'apis')!.apis;
    expect(apis.openapi!.operations.map((op) => op.path)).toEqual(KEYS.map((k) => `/${k}`));
    expect(apis.openapi!.operations[0]!.responses[0]!.bodies[0]!.rows.map((r) => r.name)).toEqual(KEYS);
    expect(apis.proto!.services[0]!.methods.map((m) => m.name)).toEqual(KEYS);
    expect(apis.proto!.types.find((t) => t.name === 'toString')!.fields.map((f) => f.name)).toEqual(KEYS);
    expect(apis.graphql!.operations.map((op) => op.name)).toEqual(GRAPHQL_KEYS);
    expect(JSON.stringify(apis)).not.toMatch(/function|\[object /);
    expect(JSON.stringify(starlightOptions(model, { contentDir: root, reference: true, help: true }).sidebar)).toContain(
      '"label":"hasOwnProperty"',
    );
  });
});
