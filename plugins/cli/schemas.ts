import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { modelExportJsonSchema } from '../model/export.ts';
import { jsonSchemas } from '../model/json-schemas.ts';
import { KINDS } from '../model/kinds.ts';

/**
 * The JSON Schemas editors read, as files in the repository (`schemas/`), so that completion
 * and inline errors work offline, before any site is published: one per kind, system.yaml's,
 * and the model export's. `npm run schemas` writes them; a test keeps them current.
 */
export function schemaFiles(): Map<string, string> {
  const schemas = jsonSchemas();
  const files = new Map<string, string>();
  const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  files.set('system-yaml.schema.json', text(schemas.root));
  files.set('archsite-rules.schema.json', text(schemas.rules));
  for (const { kind } of KINDS) files.set(`${kind}.schema.json`, text(schemas[kind]));
  files.set('model.schema.json', text(modelExportJsonSchema()));
  return files;
}

/** Which content files each kind's schema applies to, for the editor's settings. */
export function schemaAssociations(): Record<string, string[]> {
  const out: Record<string, string[]> = {
    './schemas/system-yaml.schema.json': ['content/system.yaml', 'content/system.yml'],
    './schemas/archsite-rules.schema.json': ['content/archsite.rules.yaml', 'content/archsite.rules.yml'],
  };
  // API descriptions and event schemas kept beside their elements are not elements: left out (`!`).
  const besides = ['openapi', 'asyncapi', 'schema'].flatMap((type) => [`!content/**/*.${type}.yaml`, `!content/**/*.${type}.yml`]);
  for (const { kind, folder } of KINDS)
    out[`./schemas/${kind}.schema.json`] = [`content/${folder}/**/*.yaml`, `content/${folder}/**/*.yml`, ...besides];
  return out;
}

/**
 * Writes schemas/, and maps each schema to its kind's folder in the repository's editor
 * settings (`.vscode/settings.json`, `yaml.schemas`), keeping every other setting there.
 */
export function writeSchemaFiles(root: string): void {
  const dir = path.join(root, 'schemas');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of schemaFiles()) writeFileSync(path.join(dir, name), text);
  const settingsFile = path.join(root, '.vscode', 'settings.json');
  const settings = existsSync(settingsFile) ? (JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>) : {};
  mkdirSync(path.dirname(settingsFile), { recursive: true });
  writeFileSync(settingsFile, `${JSON.stringify({ ...settings, 'yaml.schemas': schemaAssociations() }, null, 2)}\n`);
}
