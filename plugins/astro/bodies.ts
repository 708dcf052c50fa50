import { getEntry, render } from 'astro:content';

/** The rendered prose of a Markdown element (by content path, see pages/body.ts) and its headings; undefined when it has none. */
export async function renderBody(contentPath: string | undefined) {
  if (contentPath === undefined) return undefined;
  const entry = await getEntry(contentPath.endsWith('.mdx') ? 'mdxBodies' : 'bodies', contentPath);
  if (!entry) return undefined;
  const { Content, headings } = await render(entry);
  return { Content, headings: headings.filter((h) => h.depth <= 3).map((h) => ({ id: h.slug, title: h.text, depth: h.depth })) };
}
