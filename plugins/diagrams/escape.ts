/**
 * Escaping for text that lands inside mermaid source. Every string that comes from content
 * goes through `label()`, so no name can close a quote, start a directive (`%%{init}%%`),
 * add a statement or inject markup: mermaid's own entity codes (`#35;`) stand for every
 * character that has a meaning in its syntax or in HTML.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '#': '#35;',
  '"': '#quot;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '%': '#37;',
  '`': '#96;',
  '{': '#123;',
  '}': '#125;',
};

/** Control characters, line breaks and bidi overrides: never drawn in a diagram's label. */
export const UNDRAWN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/** Content text for inside a quoted mermaid label, on one line. */
export function label(text: string): string {
  return (
    text
      // Control characters, line breaks and bidi overrides never reach the diagram.
      .replace(UNDRAWN_CHARACTERS, ' ')
      .replace(/[#"&<>%`{}]/g, (c) => ENTITIES[c]!)
      .trim()
  );
}

/** A mermaid node or subgraph id made from an element key: letters, digits and `_` only. */
export function nodeId(key: string): string {
  return key.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/** A URL safe inside `click id href "url"`: no quote, space or control character survives. */
export function href(url: string): string {
  return encodeURI(url)
    .replace(/"/g, '%22')
    .replace(/%25([0-9A-F]{2})/g, '%$1');
}
