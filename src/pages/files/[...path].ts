import type { APIRoute } from 'astro';
import { assetFile } from '../../../plugins/astro/asset-file.ts';
import { loadSiteModel } from '../../../plugins/astro/site-model.ts';

/** The content's assets that elements reference (schemas, API descriptions, images), published as they are. */
export function getStaticPaths() {
  return loadSiteModel().assets.map((asset) => ({ params: { path: asset } }));
}

export const GET: APIRoute = ({ params }) => {
  return new Response(assetFile(loadSiteModel().model!, params.path!));
};
