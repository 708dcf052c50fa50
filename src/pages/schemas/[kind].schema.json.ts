import type { APIRoute } from 'astro';
import { jsonSchemas } from '../../../plugins/model/json-schemas.ts';

/** The file name of a schema other than a kind's. */
const NAMES: Readonly<Record<string, string>> = { root: 'system-yaml', rules: 'archsite-rules' };

/** `/schemas/service.schema.json` ...: the JSON Schema of each kind, system.yaml's and the rules file's, for editors. */
export function getStaticPaths() {
  return Object.keys(jsonSchemas()).map((kind) => ({ params: { kind: Object.hasOwn(NAMES, kind) ? NAMES[kind]! : kind } }));
}

export const GET: APIRoute = ({ params }) => {
  const schemas = jsonSchemas() as Record<string, unknown>;
  const name = Object.entries(NAMES).find(([, file]) => file === params.kind)?.[0] ?? params.kind!;
  const schema = schemas[name];
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'content-type': 'application/schema+json' } });
};
