import { getEntry, render } from 'astro:content';
import type { Element } from '../model/model.ts';

/** The rendered prose of a Markdown element and its headings, or undefined when it has none. */
export async function renderBody(el: Pick<Element, 'body' | 'source'>) {
  if (!el.body || el.body.text.trim() === '') return undefined;
  const entry = await getEntry('bodies', el.source.path);
  if (!entry) return undefined;
  const { Content, headings } = await render(entry);
  return { Content, headings: headings.filter((h) => h.depth <= 3).map((h) => ({ id: h.slug, title: h.text, depth: h.depth })) };
}
