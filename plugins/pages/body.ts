import type { Element } from '../model/model.ts';

/** The content path of an element's Markdown prose, when it has any: the page renders it there. */
export function bodyOf(el: Pick<Element, 'body' | 'source'>): string | undefined {
  return el.body && el.body.text.trim() !== '' ? el.source.path : undefined;
}
