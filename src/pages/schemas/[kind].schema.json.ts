import type { APIRoute } from 'astro';
import { jsonSchemas } from '../../../plugins/model/json-schemas.ts';

/** `/schemas/service.schema.json` ...: the JSON Schema of each kind, for editors. */
export function getStaticPaths() {
  return Object.keys(jsonSchemas()).map((kind) => ({ params: { kind: kind === 'root' ? 'system-yaml' : kind } }));
}

export const GET: APIRoute = ({ params }) => {
  const schemas = jsonSchemas() as Record<string, unknown>;
  const schema = schemas[params.kind === 'system-yaml' ? 'root' : params.kind!];
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'content-type': 'application/schema+json' } });
};
