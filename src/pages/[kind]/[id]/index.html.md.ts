import type { APIRoute } from 'astro';
import { elementTextPaths } from '../../../../plugins/astro/site-reads.ts';
import type { ElementKind } from '../../../../plugins/model/kinds.ts';
import { pageText } from '../../../../plugins/pages/page-text.ts';

/** Each element page as Markdown text (llmstxt.org's `index.html.md`), from its page function. */
export const getStaticPaths = () => elementTextPaths();

export const GET: APIRoute = ({ locals, params, props }) =>
  new Response(pageText(locals.site, (props as { kind: ElementKind }).kind, params.id!) ?? '', {
    headers: { 'content-type': 'text/markdown; charset=utf-8' },
  });
