import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRoute } from 'astro';
import { loadSiteModel } from '../../../plugins/astro/site-model.ts';

/** The content's assets that elements reference (schemas, API descriptions, images), published as they are. */
export function getStaticPaths() {
  return loadSiteModel().assets.map((asset) => ({ params: { path: asset } }));
}

export const GET: APIRoute = ({ params }) => {
  const { model } = loadSiteModel();
  const file = path.join(model!.contentDir, params.path!);
  return new Response(readFileSync(file));
};
