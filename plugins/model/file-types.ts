/**
 * Which files the content may point at, by what their names end in. The site publishes what
 * elements reference under `/files/`, as it is: a file that a browser opens as a page (HTML,
 * SVG, XML) would run its script on the site's own origin. So a field takes only the file
 * types it is for, and no file of a document type is ever published.
 */

/** The endings each field that names a file accepts, in the order a message lists them. */
export const FILE_TYPES = {
  schema: ['.json', '.yaml', '.yml'],
  openapi: ['.yaml', '.yml', '.json'],
  asyncapi: ['.yaml', '.yml', '.json'],
  proto: ['.proto'],
  graphql: ['.graphql', '.gql', '.graphqls'],
  /** What an OpenAPI `$ref` may read: more of the description. */
  $ref: ['.yaml', '.yml', '.json'],
} as const satisfies Record<string, readonly string[]>;

export type FileField = keyof typeof FILE_TYPES;

/** Endings a browser renders as a document, running its script: never published. */
const DOCUMENT_TYPES = /\.(?:html?|xhtml|xht|shtml|svgz?|xml|xsl|xslt|mht|mhtml)$/i;

/** Whether a file's name fits the field that names it. */
export function fitsField(field: FileField, file: string): boolean {
  const lower = file.toLowerCase();
  return FILE_TYPES[field].some((ending) => lower.endsWith(ending));
}

/** `.graphql, .gql or .graphqls`. */
export function endingsOf(field: FileField): string {
  const endings: readonly string[] = FILE_TYPES[field];
  return endings.length === 1 ? endings[0]! : `${endings.slice(0, -1).join(', ')} or ${endings.at(-1)!}`;
}

/** True for a file a browser would open as a page, whatever else its name says (`notes.graphql.html`). */
export function opensAsDocument(file: string): boolean {
  return DOCUMENT_TYPES.test(file.replace(/[.\s]+$/, ''));
}

/** An SVG image: shown inline as a data: URL, never published as a file. */
export function isSvg(file: string): boolean {
  return /\.svg$/i.test(file);
}
