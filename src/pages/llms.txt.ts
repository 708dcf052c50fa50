import type { APIRoute } from 'astro';
import { llmsText } from '../../plugins/astro/llms-text.ts';
import { llmsIndex } from '../../plugins/pages/llms-index.ts';

/** The architecture as an index for language models (llmstxt.org), from the page functions. */
export const GET: APIRoute = ({ locals }) =>
  new Response(llmsText(llmsIndex(locals.site), locals.site.model.system.data.url), {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
