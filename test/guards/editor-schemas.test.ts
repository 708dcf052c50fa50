import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { schemaAssociations, schemaFiles } from '../../plugins/cli/schemas.ts';
import { KINDS } from '../../plugins/model/kinds.ts';
import { ROOT } from '../helpers/build.ts';

/** The schemas editors read offline, from the repository (schemas/ and .vscode/): never out of step with the check. */
describe('editor schemas', () => {
  it('are the ones the check is made from (run `npm run schemas` after changing a schema)', () => {
    const files = schemaFiles();
    expect(readdirSync(path.join(ROOT, 'schemas')).sort()).toEqual([...files.keys()].sort());
    for (const [name, text] of files) expect(readFileSync(path.join(ROOT, 'schemas', name), 'utf8'), name).toBe(text);
  });

  it('give every field hover help, and every allowed value its meaning', () => {
    const undescribed: string[] = [];
    const unexplained: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (node === null || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach((item) => walk(item, at));
      const schema = node as Record<string, unknown>;
      if (schema.properties)
        for (const [key, value] of Object.entries(schema.properties as Record<string, Record<string, unknown>>)) {
          if (typeof value.description !== 'string' || value.description.length < 8) undescribed.push(`${at}.${key}`);
          walk(value, `${at}.${key}`);
        }
      if (Array.isArray(schema.enum)) {
        const meanings = schema.enumDescriptions;
        if (!Array.isArray(meanings) || meanings.length !== schema.enum.length || meanings.some((m) => typeof m !== 'string' || m === ''))
          unexplained.push(at);
      }
      for (const key of ['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties', '$defs', 'definitions']) walk(schema[key], at);
    };
    let fields = 0;
    for (const [name, text] of schemaFiles()) {
      if (name === 'model.schema.json') continue;
      walk(JSON.parse(text), name);
      fields += (text.match(/"description":/g) ?? []).length;
    }
    expect(undescribed).toEqual([]);
    expect(unexplained).toEqual([]);
    expect(fields).toBeGreaterThan(200);
  });

  it('are mapped to every kind’s folder in the editor settings the repository carries', () => {
    const settings = JSON.parse(readFileSync(path.join(ROOT, '.vscode/settings.json'), 'utf8'));
    expect(settings['yaml.schemas']).toEqual(schemaAssociations());
    expect(Object.keys(settings['yaml.schemas'])).toHaveLength(KINDS.length + 2);
    expect(JSON.parse(readFileSync(path.join(ROOT, '.vscode/extensions.json'), 'utf8')).recommendations).toContain('redhat.vscode-yaml');
  });

  it('accept every YAML element of the bundled example, and refuse a mistake the check refuses', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    let checked = 0;
    for (const { kind, folder } of KINDS) {
      const validate = ajv.compile(JSON.parse(schemaFiles().get(`${kind}.schema.json`)!));
      const dir = path.join(ROOT, 'content', folder);
      let names: string[] = [];
      try {
        names = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && !/\.(openapi|asyncapi|schema)\./.test(f));
      } catch {
        continue;
      }
      for (const name of names) {
        const text = readFileSync(path.join(dir, name), 'utf8');
        if (/^---$/m.test(text)) continue; // several documents: each holds an id the single-file schema also allows
        expect(validate(parse(text)), `${folder}/${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
    const service = ajv.compile(JSON.parse(schemaFiles().get('service.schema.json')!));
    expect(service({ name: 'X', responsibility: 'Y', domain: 'd', colour: 'red' })).toBe(false);
    expect(service({ name: 'X', domain: 'd' })).toBe(false);
  });
});
