/**
 * A contract's versions as the JSON the page carries for the reader's choice of two (see
 * client/version-diff.ts), safe inside a `<script type="application/json">`: no `<` is
 * written as it is, so no text of a schema can close the element or open a comment.
 */
export function versionTexts(texts: readonly { readonly version: string; readonly text: string }[]): string {
  return JSON.stringify(texts)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
