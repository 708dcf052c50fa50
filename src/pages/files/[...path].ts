import type { APIRoute } from 'astro';
import { assetFile } from '../../../plugins/astro/asset-file.ts';
import { assetPaths } from '../../../plugins/astro/site-reads.ts';

/** The content's assets that elements reference (schemas, API descriptions, images), published as they are. */
export const getStaticPaths = assetPaths;

export const GET: APIRoute = ({ params, locals }) => new Response(assetFile(locals.site.model, params.path!));
