import type { APIRoute } from 'astro';
import { modelExportJsonSchema } from '../../../plugins/model/export.ts';

/** The JSON Schema of /model.json. */
export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(modelExportJsonSchema(), null, 2)}\n`, { headers: { 'content-type': 'application/schema+json' } });
