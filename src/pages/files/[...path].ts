import type { APIRoute } from 'astro';
import { currentBuild } from 'archsite/build-state';
import { assetFile } from '../../../plugins/astro/asset-file.ts';

/** The content's assets that elements reference (schemas, API descriptions, images), published as they are. */
export function getStaticPaths() {
  return currentBuild().site.assets.map((asset) => ({ params: { path: asset } }));
}

export const GET: APIRoute = ({ params, locals }) => new Response(assetFile(locals.site.model, params.path!));
