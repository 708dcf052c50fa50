import type { APIRoute } from 'astro';
import { exportModel } from '../../plugins/model/export.ts';

/** The resolved model, for other tools (described by /schemas/model.schema.json). */
export const GET: APIRoute = ({ locals }) =>
  new Response(`${JSON.stringify(exportModel(locals.site.model), null, 2)}\n`, { headers: { 'content-type': 'application/json' } });
