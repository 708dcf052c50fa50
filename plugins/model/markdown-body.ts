import type { Position } from './diagnostics.ts';
import type { MarkdownBody } from './parse-source.ts';

/** A link or image found in a Markdown body, at its position in the file. */
export interface BodyLink {
  readonly url: string;
  readonly at: Position;
  readonly image: boolean;
  /**
   * True for a URL attribute of raw HTML or MDX JSX (`<a href>`, `<img src>`): checked for
   * schemes that run code, not resolved as a link to the model.
   */
  readonly raw?: boolean;
}

/** A fenced code block of a Markdown body, at its position in the file. */
export interface BodyFence {
  readonly lang: string;
  readonly text: string;
  readonly at: Position;
}

/** A `<Diagram view="..." of="..." />` of an MDX body, with its literal attributes. */
export interface BodyDiagram {
  readonly attributes: Readonly<Record<string, string | undefined>>;
  readonly at: Position;
}

export type ParsedBody =
  | { readonly ok: true; readonly links: BodyLink[]; readonly fences: BodyFence[]; readonly diagrams: BodyDiagram[] }
  | { readonly ok: false; readonly at: Position; readonly message: string };

/**
 * Finds the links and code fences of a Markdown or MDX body with a real Markdown parser,
 * so that links in code are never mistaken for links. Positions are file positions.
 */
export function parseBody(body: MarkdownBody): ParsedBody {
  // Several checks and the diagram pre-render read the same bodies: parse each once.
  let parsed = parsedBodies.get(body);
  if (!parsed) {
    if (!parser) throw new Error('archsite: the Markdown parser is used before loadBodyParser()');
    parsed = parser(body);
    parsedBodies.set(body, parsed);
  }
  return parsed;
}

let parser: ((body: MarkdownBody) => ParsedBody) | undefined;

/**
 * Loads the Markdown parser (unified, remark, an HTML parser): a quarter of a check's start-up,
 * so it is loaded only when a body is not known already from an earlier run (see
 * check-store.ts). loadModel calls it before the checks that read bodies.
 */
export async function loadBodyParser(): Promise<void> {
  parser ??= (await import('./markdown-parser.ts')).parseMarkdownBody;
}

const parsedBodies = new WeakMap<MarkdownBody, ParsedBody>();

/** A body's links and fences as found already (now, or by an earlier run of the check; see check-store.ts). */
export function knownBody(body: MarkdownBody): ParsedBody | undefined {
  return parsedBodies.get(body);
}

/** Takes what an earlier run of the check found in a body of the same text. */
export function rememberBody(body: MarkdownBody, parsed: ParsedBody): void {
  parsedBodies.set(body, parsed);
}
